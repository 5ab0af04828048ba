using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>Reads request bodies and writes reply bodies without reflection-based serialization.</summary>
internal static class JsonWire
{
    public const string ContentType = "application/json; charset=utf-8";

    // Readable URLs in replies (no \u0026 for '&'); the emulator only talks to tests, so HTML-safe escaping buys nothing.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a body that must be a JSON object; the element is cloned so it outlives the document and can be read from any thread.</summary>
    public static bool TryParseObject(string text, out JsonElement root)
    {
        root = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static long UnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>ISO 8601 in UTC with milliseconds, as Vydra and AIMLAPI write times (<c>2024-01-26T12:00:00.000Z</c>).</summary>
    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
