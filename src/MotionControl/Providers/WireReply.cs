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
    /// <summary>
    /// The one way every vendor's reply is read: an error status goes to the vendor's error policy; a success is read
    /// as <typeparamref name="T"/>.
    /// </summary>
    public static WireReply<T> Read(VendorReply reply, JsonTypeInfo<T> typeInfo, IVendorErrorPolicy errors) =>
        reply.IsSuccessStatusCode ? Read(reply, typeInfo) : throw errors.Map(reply);

    /// <summary>Reads a successful reply; JSON that is not the expected shape becomes a <see cref="MotionControlProtocolException"/>.</summary>
    public static WireReply<T> Read(VendorReply reply, JsonTypeInfo<T> typeInfo)
    {
        // Without a byte order mark (VendorReply.Json): legal before JSON text, and some gateways send one.
        var json = reply.Json;
        if (!IsObject(json.Span))
        {
            // Rare: read it as any JSON to say what it is (or why it is not JSON at all).
            var raw = reply.Read(MotionControlJsonContext.Default.JsonElement);
            throw reply.ProtocolError($"expected a JSON object, found {raw.ValueKind}");
        }

        try
        {
            // Straight from the bytes, once; the transport hands each reply its own array, so keeping it is safe.
            var value = JsonSerializer.Deserialize(json.Span, typeInfo) ?? throw reply.ProtocolError("the reply was JSON null");
            return new WireReply<T>(value, new LazyJson(json));
        }
        catch (JsonException ex)
        {
            // Not kept as the inner exception: its message quotes the body unredacted; the redacted words are in ours.
            throw reply.ProtocolError($"the reply is not the JSON expected ({ex.Message})");
        }
    }

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
