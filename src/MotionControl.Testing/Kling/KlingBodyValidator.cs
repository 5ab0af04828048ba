using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Checks a legacy Kling create body the way the vendor would, so a client that sends the wrong
/// wire shape fails. Reports the first problem only, as Kling does. Unknown extra fields pass through.
/// </summary>
internal static class KlingBodyValidator
{
    public const int MaxPromptLength = 2500;

    public static string? Validate(JsonElement body, IReadOnlyList<string> models, bool modelRequired)
    {
        if (BodyFields.TryGet(body, "model_name", out var model))
        {
            if (model.ValueKind != JsonValueKind.String || !models.Contains(model.GetString(), StringComparer.Ordinal))
            {
                return $"model_name must be one of: {string.Join(", ", models)}";
            }
        }
        else if (modelRequired)
        {
            return "model_name is required";
        }

        if (!BodyFields.TryGet(body, "image_url", out var image))
        {
            return "image_url is required";
        }

        if (image.ValueKind != JsonValueKind.String || image.GetString() is not { Length: > 0 } imageText)
        {
            return $"image_url must be a non-empty string, not {BodyFields.Describe(image)}";
        }

        if (imageText.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return "image_url must be a URL or raw Base64 without a prefix: remove 'data:image/...;base64,'";
        }

        if (!BodyFields.IsHttpUrl(imageText) && !BodyFields.IsRawBase64(imageText))
        {
            return "image_url must be an http(s) URL or raw Base64";
        }

        if (!BodyFields.TryGet(body, "video_url", out var video))
        {
            return "video_url is required";
        }

        if (video.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(video.GetString()))
        {
            return "video_url must be an http(s) URL";
        }

        if (BodyFields.CheckEnum(body, "character_orientation", BodyFields.Orientations, required: true) is { } orientationProblem)
        {
            return orientationProblem;
        }

        if (BodyFields.CheckEnum(body, "mode", BodyFields.Modes, required: true) is { } modeProblem)
        {
            return modeProblem;
        }

        if (BodyFields.TryGet(body, "prompt", out var prompt))
        {
            if (prompt.ValueKind != JsonValueKind.String)
            {
                return $"prompt must be a string, not {BodyFields.Describe(prompt)}";
            }

            if (prompt.GetString()!.Length > MaxPromptLength)
            {
                return $"prompt must be at most {MaxPromptLength} characters";
            }
        }

        // Kling's flag is the STRING "yes"/"no"; some third-party code sends a boolean, which Kling rejects.
        if (BodyFields.TryGet(body, "keep_original_sound", out var sound) &&
            (sound.ValueKind != JsonValueKind.String || sound.GetString() is not ("yes" or "no")))
        {
            return $"keep_original_sound must be the string \"yes\" or \"no\", not {BodyFields.Describe(sound)}";
        }

        if (CheckElementList(body) is { } elementProblem)
        {
            return elementProblem;
        }

        if (BodyFields.TryGet(body, "watermark_info", out var watermark))
        {
            if (watermark.ValueKind != JsonValueKind.Object)
            {
                return $"watermark_info must be an object {{\"enabled\": bool}}, not {BodyFields.Describe(watermark)}";
            }

            if (BodyFields.TryGet(watermark, "enabled", out var enabled) && enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"watermark_info.enabled must be a boolean, not {BodyFields.Describe(enabled)}";
            }
        }

        if (BodyFields.TryGet(body, "callback_url", out var callback) &&
            (callback.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(callback.GetString())))
        {
            return "callback_url must be an http(s) URL";
        }

        if (BodyFields.TryGet(body, "external_task_id", out var externalId) &&
            (externalId.ValueKind != JsonValueKind.String || externalId.GetString()!.Length == 0))
        {
            return $"external_task_id must be a non-empty string, not {BodyFields.Describe(externalId)}";
        }

        return null;
    }

    // element_id is an int64 JSON number (the documented example is larger than 2^53): a string or a fraction is wrong.
    private static string? CheckElementList(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "element_list", out var list))
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return $"element_list must be an array, not {BodyFields.Describe(list)}";
        }

        if (list.GetArrayLength() > 1)
        {
            return "element_list supports at most 1 element";
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !BodyFields.TryGet(item, "element_id", out var id))
            {
                return "element_list items must be objects with an element_id";
            }

            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out _))
            {
                return $"element_list[].element_id must be an integer (int64) number, not {BodyFields.Describe(id)}";
            }
        }

        return null;
    }
}
