using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Checks the bodies of Kling's element management (https://kling.ai/document-api/api/video/3-0-omni/elements): the
/// create (<c>POST /v1/general/advanced-custom-elements</c>) and the delete (<c>POST /v1/general/delete-advanced-elements</c>).
/// Strict, like the API 2.0 check: a field the page does not name, at any depth, is refused by its path (a JSON null
/// included). Reports the first problem only, as Kling does.
/// </summary>
internal static class KlingElementBodyValidator
{
    /// <summary>The longest <c>element_name</c>, in characters (Unicode scalar values, as the SDK counts).</summary>
    public const int MaxNameLength = 20;

    /// <summary>The longest <c>element_description</c>, in characters.</summary>
    public const int MaxDescriptionLength = 100;

    /// <summary>The most <c>refer_images</c> beside the frontal one (at least 1).</summary>
    public const int MaxReferImages = 3;

    /// <summary>The documented tag ids: <c>o_101</c> Hottest … <c>o_108</c> Others.</summary>
    public static readonly string[] TagIds = ["o_101", "o_102", "o_103", "o_104", "o_105", "o_106", "o_107", "o_108"];

    private static readonly string[] CreateFields =
        ["element_name", "element_description", "reference_type", "element_image_list", "element_video_list", "element_voice_id", "tag_list", "callback_url", "external_task_id"];

    private static readonly string[] ImageListFields = ["frontal_image", "refer_images"];
    private static readonly string[] ReferImageFields = ["image_url"];
    private static readonly string[] VideoListFields = ["refer_videos"];
    private static readonly string[] ReferVideoFields = ["video_url"];
    private static readonly string[] TagFields = ["tag_id"];
    private static readonly string[] DeleteFields = ["element_id"];
    private static readonly string[] ReferenceTypes = ["image_refer", "video_refer"];

    /// <summary>Returns the first problem of a create body, or null when Kling would take it.</summary>
    public static string? ValidateCreate(JsonElement body)
    {
        return UnknownField(body, string.Empty, CreateFields)
            ?? CheckText(body, "element_name", MaxNameLength)
            ?? CheckText(body, "element_description", MaxDescriptionLength)
            ?? CheckReference(body)
            ?? CheckVoice(body)
            ?? CheckTags(body)
            ?? CheckOptions(body);
    }

    /// <summary>Returns the first problem of a delete body, or null. <c>element_id</c> is a string on the page.</summary>
    public static string? ValidateDelete(JsonElement body)
    {
        if (UnknownField(body, string.Empty, DeleteFields) is { } unknown)
        {
            return unknown;
        }

        if (!BodyFields.TryGet(body, "element_id", out var id))
        {
            return "element_id is required";
        }

        return id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString())
            ? null
            : $"element_id must be a non-empty string, not {BodyFields.Describe(id)}";
    }

    /// <summary>The <c>external_task_id</c> to keep: the page's own example sends <c>""</c>, which stands for none.</summary>
    public static string? ExternalTaskId(JsonElement body) => BodyFields.GetString(body, "external_task_id") is { Length: > 0 } id ? id : null;

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

    private static string? CheckText(JsonElement body, string name, int maxLength)
    {
        if (!BodyFields.TryGet(body, name, out var value))
        {
            return $"{name} is required";
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return $"{name} must be a non-empty string, not {BodyFields.Describe(value)}";
        }

        int length = 0;
        foreach (var _ in value.GetString()!.EnumerateRunes())
        {
            length++;
        }

        return length > maxLength ? $"{name} must be at most {maxLength} characters, not {length}" : null;
    }

    private static string? CheckReference(JsonElement body)
    {
        if (BodyFields.CheckEnum(body, "reference_type", ReferenceTypes, required: true) is { } problem)
        {
            return problem;
        }

        bool images = BodyFields.GetString(body, "reference_type") == "image_refer";

        // (inferred) The page pairs each type with its own list; the other list alongside it is refused, not ignored.
        string other = images ? "element_video_list" : "element_image_list";
        if (BodyFields.TryGet(body, other, out _))
        {
            return $"{other} does not go with reference_type {(images ? "image_refer" : "video_refer")}";
        }

        return images ? CheckImageList(body) : CheckVideoList(body);
    }

    private static string? CheckImageList(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "element_image_list", out var list))
        {
            return "element_image_list is required for reference_type image_refer";
        }

        if (list.ValueKind != JsonValueKind.Object)
        {
            return $"element_image_list must be an object, not {BodyFields.Describe(list)}";
        }

        if ((UnknownField(list, "element_image_list.", ImageListFields) ?? CheckImage(list, "frontal_image", "element_image_list.frontal_image")) is { } problem)
        {
            return problem;
        }

        if (!BodyFields.TryGet(list, "refer_images", out var refers))
        {
            return $"element_image_list.refer_images is required: 1-{MaxReferImages} images beside the frontal one";
        }

        if (refers.ValueKind != JsonValueKind.Array)
        {
            return $"element_image_list.refer_images must be an array, not {BodyFields.Describe(refers)}";
        }

        int count = refers.GetArrayLength();
        if (count is < 1 or > MaxReferImages)
        {
            return $"element_image_list.refer_images must hold 1-{MaxReferImages} images, not {count}";
        }

        int index = 0;
        foreach (var item in refers.EnumerateArray())
        {
            string at = $"element_image_list.refer_images[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                return $"{at} must be an object {{\"image_url\"}}, not {BodyFields.Describe(item)}";
            }

            if ((UnknownField(item, at + ".", ReferImageFields) ?? CheckImage(item, "image_url", at + ".image_url")) is { } itemProblem)
            {
                return itemProblem;
            }
        }

        return null;
    }

    // As on the motion-control contracts: an http(s) URL or raw Base64, never a data: URI.
    private static string? CheckImage(JsonElement parent, string name, string path)
    {
        if (!BodyFields.TryGet(parent, name, out var value))
        {
            return $"{path} is required";
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            return $"{path} must be a non-empty string, not {BodyFields.Describe(value)}";
        }

        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return $"{path} must be a URL or raw Base64 without a prefix: remove 'data:image/...;base64,'";
        }

        return BodyFields.IsHttpUrl(text) || BodyFields.IsRawBase64(text) ? null : $"{path} must be an http(s) URL or raw Base64";
    }

    private static string? CheckVideoList(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "element_video_list", out var list))
        {
            return "element_video_list is required for reference_type video_refer";
        }

        if (list.ValueKind != JsonValueKind.Object)
        {
            return $"element_video_list must be an object, not {BodyFields.Describe(list)}";
        }

        if (UnknownField(list, "element_video_list.", VideoListFields) is { } unknown)
        {
            return unknown;
        }

        if (!BodyFields.TryGet(list, "refer_videos", out var videos))
        {
            return "element_video_list.refer_videos is required: exactly one video";
        }

        if (videos.ValueKind != JsonValueKind.Array)
        {
            return $"element_video_list.refer_videos must be an array, not {BodyFields.Describe(videos)}";
        }

        if (videos.GetArrayLength() != 1)
        {
            return $"element_video_list.refer_videos must hold exactly one video, not {videos.GetArrayLength()}";
        }

        var video = videos[0];
        const string At = "element_video_list.refer_videos[0]";
        if (video.ValueKind != JsonValueKind.Object)
        {
            return $"{At} must be an object {{\"video_url\"}}, not {BodyFields.Describe(video)}";
        }

        if (UnknownField(video, At + ".", ReferVideoFields) is { } unknownVideo)
        {
            return unknownVideo;
        }

        if (!BodyFields.TryGet(video, "video_url", out var url))
        {
            return $"{At}.video_url is required";
        }

        return url.ValueKind == JsonValueKind.String && BodyFields.IsHttpUrl(url.GetString()) ? null : $"{At}.video_url must be an http(s) URL";
    }

    private static string? CheckVoice(JsonElement body) =>
        BodyFields.TryGet(body, "element_voice_id", out var voice) && (voice.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(voice.GetString()))
            ? $"element_voice_id must be a non-empty string, not {BodyFields.Describe(voice)}"
            : null;

    private static string? CheckTags(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "tag_list", out var tags))
        {
            return null;
        }

        if (tags.ValueKind != JsonValueKind.Array)
        {
            return $"tag_list must be an array, not {BodyFields.Describe(tags)}";
        }

        int index = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            string at = $"tag_list[{index++}]";
            if (tag.ValueKind != JsonValueKind.Object)
            {
                return $"{at} must be an object {{\"tag_id\"}}, not {BodyFields.Describe(tag)}";
            }

            if (UnknownField(tag, at + ".", TagFields) is { } unknown)
            {
                return unknown;
            }

            if (BodyFields.CheckEnum(tag, "tag_id", TagIds, required: true) is { } problem)
            {
                return $"{at}.{problem}";
            }
        }

        return null;
    }

    private static string? CheckOptions(JsonElement body)
    {
        if (BodyFields.TryGet(body, "callback_url", out var callback) &&
            (callback.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(callback.GetString())))
        {
            return "callback_url must be an http(s) URL";
        }

        return BodyFields.TryGet(body, "external_task_id", out var externalId) && externalId.ValueKind != JsonValueKind.String
            ? $"external_task_id must be a string, not {BodyFields.Describe(externalId)}"
            : null;
    }
}
