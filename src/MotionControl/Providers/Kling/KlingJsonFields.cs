using System.Globalization;
using System.Text.Json;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>Reads single fields of a Kling-style error body leniently (for Kling and PowerTokens' error policies).</summary>
internal static class KlingJsonFields
{
    /// <summary><c>code</c> as a number (or, leniently, a numeric string); <see langword="null"/> when absent or not numeric.</summary>
    public static int? Code(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("code", out var code))
        {
            return null;
        }

        return code.ValueKind switch
        {
            JsonValueKind.Number when code.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(JsonText.String(code), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    /// <summary>A top-level string (or number, as text) property of an object; <see langword="null"/> when absent or empty.</summary>
    public static string? String(JsonElement? root, string name)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => JsonText.String(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
