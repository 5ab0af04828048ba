using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>Checks on request body fields that several vendors share.</summary>
internal static class BodyFields
{
    /// <summary>The <c>character_orientation</c> values every vendor uses.</summary>
    public static readonly string[] Orientations = ["image", "video"];

    /// <summary>The <c>mode</c> values of Kling, PowerTokens and ModelsLab.</summary>
    public static readonly string[] Modes = ["std", "pro"];

    /// <summary>Gets a property; a JSON null counts as absent, as the vendors treat it.</summary>
    public static bool TryGet(JsonElement body, string name, out JsonElement value)
    {
        if (body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string? GetString(JsonElement body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? GetBoolean(JsonElement body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static bool IsHttpUrl(string? text, bool httpsOnly = false) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp)) &&
        !string.IsNullOrEmpty(uri.Host);

    public static bool IsDataUri(string? text) =>
        text is not null && text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.Contains(',', StringComparison.Ordinal);

    /// <summary>Raw Base64 as Kling wants it: only the Base64 alphabet (line breaks tolerated), no <c>data:</c> header.</summary>
    public static bool IsRawBase64(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (char c in text)
        {
            bool ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=' or '\r' or '\n';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks an optional or required string enum; returns the problem, or null.</summary>
    public static string? CheckEnum(JsonElement body, string name, string[] allowed, bool required)
    {
        if (!TryGet(body, name, out var value))
        {
            return required ? $"{name} is required ({string.Join(" or ", allowed)})" : null;
        }

        return value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString(), StringComparer.Ordinal)
            ? null
            : $"{name} must be one of: {string.Join(", ", allowed)}";
    }

    /// <summary>Describes a JSON value's type for error messages ("a boolean", "a number", ...).</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
