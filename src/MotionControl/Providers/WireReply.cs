using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers;

/// <summary>
/// A vendor reply read as its wire DTO, with its bytes kept for <see cref="MotionControlTask.Raw"/> (parsed only if
/// someone reads it) for everything the neutral model does not carry.
/// </summary>
/// <typeparam name="T">The wire DTO.</typeparam>
/// <param name="Value">The reply as its DTO.</param>
/// <param name="Raw">The reply's JSON (owned by this instance, safe to keep).</param>
internal readonly record struct WireReply<T>(T Value, LazyJson Raw)
{
    /// <summary>Reads a successful reply; JSON that is not the expected shape becomes a <see cref="MotionControlProtocolException"/>.</summary>
    public static WireReply<T> Read(ApiResponse response, JsonTypeInfo<T> typeInfo)
    {
        // A UTF-8 byte order mark is legal before JSON text, and some gateways send one; the reader does not skip it.
        var json = response.Body.Span.StartsWith(Utf8Bom) ? response.Body[Utf8Bom.Length..] : response.Body;
        if (!IsObject(json.Span))
        {
            // Rare: read it as any JSON to say what it is (or why it is not JSON at all).
            var raw = response.Read(MotionControlJsonContext.Default.JsonElement);
            throw response.ProtocolError($"expected a JSON object, found {raw.ValueKind}");
        }

        try
        {
            // Straight from the bytes, once; the transport hands each reply its own array, so keeping it is safe.
            var value = JsonSerializer.Deserialize(json.Span, typeInfo) ?? throw response.ProtocolError("the reply was JSON null");
            return new WireReply<T>(value, new LazyJson(json));
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

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>True when the first token is <c>{</c> (after JSON whitespace).</summary>
    private static bool IsObject(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }
}
