using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers;

/// <summary>
/// Reads a vendor's human-readable error field into one string, whatever shape the vendor chose that day: a string,
/// a number, an array of messages (AIMLAPI validation errors, joined with "; "), or an object (Vydra's
/// <c>{message|detail}</c>, ModelsLab's per-field <c>{"prompt":["..."]}</c>). Writes the string back as a string.
/// </summary>
/// <remarks>An error text that cannot be read must not hide the error itself, so no JSON shape is refused.</remarks>
internal sealed class VendorMessageConverter : JsonConverter<string?>
{
    private const string Separator = "; ";

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var text = Text(document.RootElement);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>The text of any JSON value, as a person would want to read it in an error message.</summary>
    internal static string? Text(JsonElement element)
    {
        try
        {
            return TextOf(element);
        }
        catch (InvalidOperationException)
        {
            // A string or property name that is not valid UTF-8 (or a lone surrogate): no text, the status decides.
            return null;
        }
    }

    private static string? TextOf(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return element.GetRawText();
            case JsonValueKind.Array:
                return Join(element.EnumerateArray().Select(TextOf));
            case JsonValueKind.Object:
                foreach (var name in (ReadOnlySpan<string>)["message", "detail", "error", "msg"])
                {
                    if (element.TryGetProperty(name, out var value) && TextOf(value) is { Length: > 0 } said)
                    {
                        return said;
                    }
                }

                return Join(element.EnumerateObject().Select(p => TextOf(p.Value) is { Length: > 0 } said ? $"{p.Name}: {said}" : null));
            default:
                return null;
        }
    }

    private static string? Join(IEnumerable<string?> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(Separator);
            }

            text.Append(part);
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
