using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Checks a Kling API 2.0 motion-control create body (<c>POST /motion-control/kling-3.0</c> or <c>kling-2.6</c>).
/// Stricter than the legacy check: a field the contract does not name, at any depth, is refused by its path, so a
/// client that sends a legacy field (<c>image_url</c>, <c>mode</c>, <c>model_name</c>) or a misspelt one fails.
/// Reports the first problem only, as Kling does.
/// </summary>
internal static class KlingV2BodyValidator
{
    /// <summary>The longest prompt text, in characters (the legacy limit too).</summary>
    public const int MaxPromptLength = KlingBodyValidator.MaxPromptLength;

    /// <summary>The largest image given as raw Base64, decoded (the legacy contract documents 10 MB).</summary>
    public const long MaxImageBytes = 50L * 1024 * 1024;

    private static readonly string[] TopLevelFields = ["contents", "settings", "options"];
    private static readonly string[] PromptFields = ["type", "text"];
    private static readonly string[] MediaFields = ["type", "url"];
    private static readonly string[] ElementFields = ["type", "element_id", "id"];
    private static readonly string[] ElementIdFields = ["element_id", "id"];
    private static readonly string[] SettingsFields = ["character_orientation", "audio", "resolution"];
    private static readonly string[] OptionsFields = ["callback_url", "external_task_id", "watermark_info"];
    private static readonly string[] WatermarkFields = ["enabled"];
    private static readonly string[] Audio = ["original", "off"];
    private static readonly string[] Resolutions = ["720p", "1080p"];

    /// <summary>Returns the first problem of <paramref name="body"/>, or null when Kling would take it.</summary>
    /// <param name="body">The parsed body, a JSON object.</param>
    /// <param name="elementsAllowed">Whether the model takes an element item (kling-3.0 does, kling-2.6 does not).</param>
    public static string? Validate(JsonElement body, bool elementsAllowed)
    {
        return UnknownField(body, string.Empty, TopLevelFields)
            ?? CheckContents(body, elementsAllowed)
            ?? CheckSettings(body)
            ?? CheckOptions(body);
    }

    /// <summary>Names the first property of <paramref name="value"/> not in <paramref name="allowed"/>, a JSON null included.</summary>
    private static string? UnknownField(JsonElement value, string path, string[] allowed)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                return $"unknown field: {path}{property.Name}";
            }
        }

        return null;
    }

    private static string? CheckContents(JsonElement body, bool elementsAllowed)
    {
        if (!BodyFields.TryGet(body, "contents", out var contents))
        {
            return "contents is required: an array with one image item and one video item";
        }

        if (contents.ValueKind != JsonValueKind.Array)
        {
            return $"contents must be an array, not {BodyFields.Describe(contents)}";
        }

        int prompts = 0, images = 0, videos = 0, elements = 0, index = 0;
        string types = elementsAllowed ? "prompt, image, video, element" : "prompt, image, video";
        foreach (var item in contents.EnumerateArray())
        {
            string at = $"contents[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                return $"{at} must be an object, not {BodyFields.Describe(item)}";
            }

            if (!BodyFields.TryGet(item, "type", out var type))
            {
                return $"{at}.type is required ({types})";
            }

            if (type.ValueKind != JsonValueKind.String)
            {
                return $"{at}.type must be a string, not {BodyFields.Describe(type)}";
            }

            string? problem;
            switch (type.GetString())
            {
                case "prompt":
                    problem = UnknownField(item, at + ".", PromptFields) ?? CheckPrompt(item, at) ?? (++prompts > 1 ? "contents may hold at most one prompt item" : null);
                    break;
                case "image":
                    problem = UnknownField(item, at + ".", MediaFields) ?? CheckImage(item, at);
                    images++;
                    break;
                case "video":
                    problem = UnknownField(item, at + ".", MediaFields) ?? CheckVideo(item, at);
                    videos++;
                    break;
                case "element" when !elementsAllowed:
                    problem = $"{at}: element items are supported only on kling-3.0";
                    break;
                case "element":
                    problem = UnknownField(item, at + ".", ElementFields) ?? CheckElement(item, at) ?? (++elements > 1 ? "contents may hold at most one element item" : null);
                    break;
                default:
                    problem = $"{at}.type must be one of: {types}";
                    break;
            }

            if (problem is not null)
            {
                return problem;
            }
        }

        if (images != 1)
        {
            return $"contents must hold exactly one image item, not {images}";
        }

        return videos != 1 ? $"contents must hold exactly one video item, not {videos}" : null;
    }

    private static string? CheckPrompt(JsonElement item, string at)
    {
        if (!BodyFields.TryGet(item, "text", out var text))
        {
            return $"{at}.text is required";
        }

        if (text.ValueKind != JsonValueKind.String)
        {
            return $"{at}.text must be a string, not {BodyFields.Describe(text)}";
        }

        return text.GetString()!.Length > MaxPromptLength ? $"{at}.text must be at most {MaxPromptLength} characters" : null;
    }

    // As on the legacy contract: an http(s) URL or raw Base64, never a data: URI.
    private static string? CheckImage(JsonElement item, string at)
    {
        if (!BodyFields.TryGet(item, "url", out var url))
        {
            return $"{at}.url is required";
        }

        if (url.ValueKind != JsonValueKind.String || url.GetString() is not { Length: > 0 } text)
        {
            return $"{at}.url must be a non-empty string, not {BodyFields.Describe(url)}";
        }

        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return $"{at}.url must be a URL or raw Base64 without a prefix: remove 'data:image/...;base64,'";
        }

        if (BodyFields.IsHttpUrl(text))
        {
            return null;
        }

        if (!BodyFields.IsRawBase64(text))
        {
            return $"{at}.url must be an http(s) URL or raw Base64";
        }

        return DecodedLength(text) > MaxImageBytes ? $"{at}.url: the image must be at most 50 MB" : null;
    }

    private static string? CheckVideo(JsonElement item, string at)
    {
        if (!BodyFields.TryGet(item, "url", out var url))
        {
            return $"{at}.url is required";
        }

        return url.ValueKind == JsonValueKind.String && BodyFields.IsHttpUrl(url.GetString()) ? null : $"{at}.url must be an http(s) URL";
    }

    private static string? CheckElement(JsonElement item, string at)
    {
        foreach (string name in ElementIdFields)
        {
            if (!BodyFields.TryGet(item, name, out var value))
            {
                return $"{at}.{name} is required";
            }

            // Unlike the legacy element_list, whose element_id is an int64 number, API 2.0 writes both as strings.
            if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                return $"{at}.{name} must be a non-empty string, not {BodyFields.Describe(value)}";
            }
        }

        return null;
    }

    private static string? CheckSettings(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "settings", out var settings))
        {
            return "settings is required: {\"character_orientation\": \"image\" or \"video\"}";
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            return $"settings must be an object, not {BodyFields.Describe(settings)}";
        }

        return UnknownField(settings, "settings.", SettingsFields)
            ?? CheckEnum(settings, "settings.", "character_orientation", BodyFields.Orientations, required: true)
            ?? CheckEnum(settings, "settings.", "audio", Audio, required: false)
            ?? CheckEnum(settings, "settings.", "resolution", Resolutions, required: false);
    }

    private static string? CheckOptions(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "options", out var options))
        {
            return null;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            return $"options must be an object, not {BodyFields.Describe(options)}";
        }

        if (UnknownField(options, "options.", OptionsFields) is { } unknown)
        {
            return unknown;
        }

        if (BodyFields.TryGet(options, "callback_url", out var callback) &&
            (callback.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(callback.GetString())))
        {
            return "options.callback_url must be an http(s) URL";
        }

        if (BodyFields.TryGet(options, "external_task_id", out var externalId) &&
            (externalId.ValueKind != JsonValueKind.String || externalId.GetString()!.Length == 0))
        {
            return $"options.external_task_id must be a non-empty string, not {BodyFields.Describe(externalId)}";
        }

        if (!BodyFields.TryGet(options, "watermark_info", out var watermark))
        {
            return null;
        }

        if (watermark.ValueKind != JsonValueKind.Object)
        {
            return $"options.watermark_info must be an object {{\"enabled\": bool}}, not {BodyFields.Describe(watermark)}";
        }

        if (UnknownField(watermark, "options.watermark_info.", WatermarkFields) is { } unknownWatermark)
        {
            return unknownWatermark;
        }

        return BodyFields.TryGet(watermark, "enabled", out var enabled) && enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            ? $"options.watermark_info.enabled must be a boolean, not {BodyFields.Describe(enabled)}"
            : null;
    }

    private static string? CheckEnum(JsonElement parent, string path, string name, string[] allowed, bool required)
    {
        if (!BodyFields.TryGet(parent, name, out var value))
        {
            return required ? $"{path}{name} is required ({string.Join(" or ", allowed)})" : null;
        }

        return value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString(), StringComparer.Ordinal)
            ? null
            : $"{path}{name} must be one of: {string.Join(", ", allowed)}";
    }

    /// <summary>The byte count raw Base64 decodes to (line breaks and padding not counted), without decoding it.</summary>
    internal static long DecodedLength(string base64)
    {
        long symbols = 0;
        foreach (char c in base64)
        {
            if (c is not ('\r' or '\n' or '='))
            {
                symbols++;
            }
        }

        return symbols * 3 / 4;
    }
}
