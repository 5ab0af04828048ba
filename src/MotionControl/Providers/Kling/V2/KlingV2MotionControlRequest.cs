using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The body of Kling API 2.0's motion-control create (<c>POST /motion-control/kling-3.0</c> or <c>/motion-control/kling-2.6</c>;
/// the model is in the path, not the body).
/// </summary>
public sealed record KlingV2MotionControlRequest
{
    /// <summary><c>contents</c>: the inputs: one image, one video, an optional prompt and (kling-3.0 only) at most one element.</summary>
    [JsonPropertyName("contents")]
    public required IReadOnlyList<KlingV2Content> Contents { get; init; }

    /// <summary><c>settings</c>: orientation (required by Kling), audio and resolution.</summary>
    [JsonPropertyName("settings")]
    public required KlingV2Settings Settings { get; init; }

    /// <summary><c>options</c>: callback, your task id, watermark.</summary>
    [JsonPropertyName("options")]
    public KlingV2TaskOptions? Options { get; init; }
}

/// <summary>One item of <c>contents[]</c>: a prompt, an image, a video or an element.</summary>
public sealed record KlingV2Content
{
    /// <summary><c>type</c>: <c>prompt</c>, <c>image</c>, <c>video</c> or <c>element</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary><c>text</c>: the prompt (type <c>prompt</c>; at most 2,500 characters).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary><c>url</c>: the media (types <c>image</c>, a URL or raw Base64, and <c>video</c>, a URL).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>element_id</c>: the element's id from Kling's element API (type <c>element</c>).</summary>
    [JsonPropertyName("element_id")]
    public string? ElementId { get; init; }

    /// <summary><c>id</c>: the reference the prompt uses for this element (type <c>element</c>; unique within the task).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>A prompt item.</summary>
    /// <param name="text">The prompt.</param>
    /// <returns>The item.</returns>
    public static KlingV2Content Prompt(string text) => new() { Type = "prompt", Text = text };

    /// <summary>An image item.</summary>
    /// <param name="url">A URL, or the raw Base64 of the image.</param>
    /// <returns>The item.</returns>
    public static KlingV2Content Image(string url) => new() { Type = "image", Url = url };

    /// <summary>A video item.</summary>
    /// <param name="url">The reference video's URL.</param>
    /// <returns>The item.</returns>
    public static KlingV2Content Video(string url) => new() { Type = "video", Url = url };

    /// <summary>An element item (kling-3.0 only).</summary>
    /// <param name="elementId">The element's id.</param>
    /// <param name="id">The reference the prompt uses for it.</param>
    /// <returns>The item.</returns>
    public static KlingV2Content Element(string elementId, string id) => new() { Type = "element", ElementId = elementId, Id = id };
}

/// <summary><c>settings</c> of a Kling API 2.0 create.</summary>
public sealed record KlingV2Settings
{
    /// <summary><c>character_orientation</c>: <c>image</c> (reference video up to 10 s) or <c>video</c> (up to 30 s). Required.</summary>
    [JsonPropertyName("character_orientation")]
    public required string CharacterOrientation { get; init; }

    /// <summary><c>audio</c>: <c>original</c> (Kling's default: keep the reference's sound) or <c>off</c>.</summary>
    [JsonPropertyName("audio")]
    public string? Audio { get; init; }

    /// <summary><c>resolution</c>: <c>720p</c> (Kling's default) or <c>1080p</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }
}

/// <summary><c>options</c> of a Kling API 2.0 create.</summary>
public sealed record KlingV2TaskOptions
{
    /// <summary>
    /// <c>callback_url</c>: where Kling posts each status change, signed (Standard Webhooks headers) once the account has
    /// a webhook secret: check them with <see cref="Webhooks.StandardWebhookVerifier"/>; otherwise confirm with a query.
    /// </summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary><c>external_task_id</c>: your id for the task, unique per account (the reply calls it <c>external_id</c>).</summary>
    [JsonPropertyName("external_task_id")]
    public string? ExternalTaskId { get; init; }

    /// <summary><c>watermark_info</c>: whether a watermarked copy is made as well.</summary>
    [JsonPropertyName("watermark_info")]
    public KlingWatermarkInfo? WatermarkInfo { get; init; }
}
