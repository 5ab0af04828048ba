using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers;

/// <summary>
/// A vendor reply read both ways: as its wire DTO, and as the JSON element kept in <see cref="MotionControlTask.Raw"/>
/// for everything the neutral model does not carry.
/// </summary>
/// <typeparam name="T">The wire DTO.</typeparam>
/// <param name="Value">The reply as its DTO.</param>
/// <param name="Raw">The reply's JSON (owned by this instance, safe to keep).</param>
internal readonly record struct WireReply<T>(T Value, JsonElement Raw)
{
    /// <summary>Reads a successful reply; JSON that is not the expected shape becomes a <see cref="MotionControlProtocolException"/>.</summary>
    public static WireReply<T> Read(ApiResponse response, JsonTypeInfo<T> typeInfo)
    {
        var raw = response.Read(MotionControlJsonContext.Default.JsonElement);
        if (raw.ValueKind != JsonValueKind.Object)
        {
            throw response.ProtocolError($"expected a JSON object, found {raw.ValueKind}");
        }

        try
        {
            var value = raw.Deserialize(typeInfo) ?? throw response.ProtocolError("the reply was JSON null");
            return new WireReply<T>(value, raw);
        }
        catch (JsonException ex)
        {
            throw response.ProtocolError($"the reply is not the JSON expected ({ex.Message})", ex);
        }
    }

    /// <summary>Reads an error reply leniently: <see langword="null"/> when it is not JSON of the expected shape (an HTML page from a proxy).</summary>
    public static T? TryRead(ApiResponse response, JsonTypeInfo<T> typeInfo)
    {
        if (response.Body.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body.Span, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
