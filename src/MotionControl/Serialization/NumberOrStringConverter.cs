using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Serialization;

/// <summary>
/// Reads a field that vendors send as a JSON number on one endpoint and a string on another (ModelsLab ids, AIMLAPI
/// <c>statusCode</c>) into a string, and writes it back as a string. Source-generation compatible: apply it with
/// <c>[JsonConverter(typeof(NumberOrStringConverter))]</c> on a <c>string?</c> property.
/// </summary>
/// <remarks>
/// A number is kept as the vendor wrote it, digit for digit (ids above 2^53 survive), except that a whole number written
/// with a fraction or exponent (<c>155262350.0</c>, a float id from some clients) becomes its integer text, so it can be
/// sent back in a path.
/// </remarks>
internal sealed class NumberOrStringConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => NumberText(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a number or a string, found {reader.TokenType}."),
    };

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

    /// <summary>The text of the number token <paramref name="reader"/> is on, as <see cref="Read"/> returns it.</summary>
    internal static string NumberText(ref Utf8JsonReader reader)
    {
        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return text;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : text;
    }
}
