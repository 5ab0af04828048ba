using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The body of <c>POST /v1/general/advanced-custom-elements</c>: creates a custom element (a reusable character) from a
/// frontal image and 1–3 reference images (<see cref="ImageRefer"/>) or from one video (<see cref="VideoRefer"/>).
/// Kling's page: https://kling.ai/document-api/api/video/3-0-omni/elements ("Create Element").
/// </summary>
public sealed record KlingElementCreateRequest
{
    /// <summary>The <see cref="ReferenceType"/> of a multi-image element: <c>image_refer</c> (needs <see cref="ElementImageList"/>).</summary>
    public const string ImageRefer = "image_refer";

    /// <summary>The <see cref="ReferenceType"/> of a video character element: <c>video_refer</c> (needs <see cref="ElementVideoList"/>).</summary>
    public const string VideoRefer = "video_refer";

    /// <summary>The longest <see cref="ElementName"/> Kling takes: 20 characters.</summary>
    public const int MaxNameLength = 20;

    /// <summary>The longest <see cref="ElementDescription"/> Kling takes: 100 characters.</summary>
    public const int MaxDescriptionLength = 100;

    /// <summary>The most reference images beside the frontal one: 3 (at least 1).</summary>
    public const int MaxReferImages = 3;

    /// <summary><c>element_name</c> (required): the element's name, at most 20 characters.</summary>
    [JsonPropertyName("element_name")]
    public required string ElementName { get; init; }

    /// <summary><c>element_description</c> (required): the element's description, at most 100 characters.</summary>
    [JsonPropertyName("element_description")]
    public required string ElementDescription { get; init; }

    /// <summary><c>reference_type</c> (required): <see cref="ImageRefer"/> or <see cref="VideoRefer"/>.</summary>
    [JsonPropertyName("reference_type")]
    public required string ReferenceType { get; init; }

    /// <summary><c>element_image_list</c>: the frontal image and 1–3 other reference images; required for <see cref="ImageRefer"/>.</summary>
    [JsonPropertyName("element_image_list")]
    public KlingElementImageList? ElementImageList { get; init; }

    /// <summary>
    /// <c>element_video_list</c>: the one reference video (.mp4/.mov, 3–8 s, 1080p, 16:9 or 9:16, at most 200 MB); required
    /// for <see cref="VideoRefer"/>. A human voice in it makes Kling customize a voice and bind it to the element.
    /// </summary>
    [JsonPropertyName("element_video_list")]
    public KlingElementVideoList? ElementVideoList { get; init; }

    /// <summary><c>element_voice_id</c>: a voice from the voice library to bind; none when left out.</summary>
    [JsonPropertyName("element_voice_id")]
    public string? ElementVoiceId { get; init; }

    /// <summary><c>tag_list</c>: the element's tags (<c>o_101</c> Hottest … <c>o_108</c> Others).</summary>
    [JsonPropertyName("tag_list")]
    public IReadOnlyList<KlingElementTag>? TagList { get; init; }

    /// <summary><c>callback_url</c>: where Kling posts the task's status changes.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary><c>external_task_id</c>: your own task id, unique within the account; the task can be read by it.</summary>
    [JsonPropertyName("external_task_id")]
    public string? ExternalTaskId { get; init; }
}

/// <summary><c>element_image_list</c>: a multi-image element's images (Base64 or URL; .jpg/.jpeg/.png, at most 10 MB, at least 300 px, aspect 1:2.5–2.5:1).</summary>
public sealed record KlingElementImageList
{
    /// <summary><c>frontal_image</c>: the frontal reference image, as a URL or Base64.</summary>
    [JsonPropertyName("frontal_image")]
    public string? FrontalImage { get; init; }

    /// <summary><c>refer_images</c>: 1–3 reference images that differ from the front (other angles, close-ups).</summary>
    [JsonPropertyName("refer_images")]
    public IReadOnlyList<KlingElementReferImage>? ReferImages { get; init; }
}

/// <summary>One entry of <c>refer_images</c>.</summary>
public sealed record KlingElementReferImage
{
    /// <summary><c>image_url</c>: the image, as a URL or Base64.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }
}

/// <summary><c>element_video_list</c>: a video character element's video.</summary>
public sealed record KlingElementVideoList
{
    /// <summary><c>refer_videos</c>: the reference video; at most one.</summary>
    [JsonPropertyName("refer_videos")]
    public IReadOnlyList<KlingElementReferVideo>? ReferVideos { get; init; }
}

/// <summary>One entry of <c>refer_videos</c>.</summary>
public sealed record KlingElementReferVideo
{
    /// <summary><c>video_url</c>: the video's URL; must not be empty.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }
}

/// <summary>One entry of <c>tag_list</c>.</summary>
public sealed record KlingElementTag
{
    /// <summary><c>tag_id</c>: <c>o_101</c> Hottest, <c>o_102</c> Character, <c>o_103</c> Animal, <c>o_104</c> Item, <c>o_105</c> Costume, <c>o_106</c> Scene, <c>o_107</c> Effect, <c>o_108</c> Others.</summary>
    [JsonPropertyName("tag_id")]
    public string? TagId { get; init; }
}
