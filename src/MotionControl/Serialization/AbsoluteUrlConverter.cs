using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Serialization;

/// <summary>
/// Reads a URL field tolerantly: a string that is an absolute URI becomes a <see cref="Uri"/>; any other string (empty,
/// relative, malformed) reads as <see langword="null"/>, so a reader can fall back to the field's aliases instead of
/// failing the whole reply. A token that is not a string is refused, as a <c>string</c> property would refuse it.
/// Source-generation compatible: apply it with <c>[JsonConverter(typeof(AbsoluteUrlConverter))]</c> on a <c>Uri?</c> property.
/// </summary>
internal sealed class AbsoluteUrlConverter : JsonConverter<Uri?>
{
    /// <inheritdoc />
    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Uri.TryCreate(reader.GetString(), UriKind.Absolute, out var url) ? url : null,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a URL string, found {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.OriginalString);
        }
    }
}
