using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The body of Kling's <c>POST /v1/videos/motion-control</c> (legacy contract), field for field as Kling spells it.
/// PowerTokens forwards the same body. Unset (<see langword="null"/>) members are not sent.
/// </summary>
public sealed record KlingMotionControlRequest
{
    /// <summary><c>model_name</c>: <c>kling-v2-6</c> (Kling's default) or <c>kling-v3</c>; PowerTokens requires <c>kling-v3</c>.</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary><c>prompt</c>: optional text, at most 2500 characters.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary><c>image_url</c> (required): the character image as a URL or raw Base64 with no <c>data:</c> prefix; JPEG/PNG, at most 10 MB.</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary><c>video_url</c> (required): the reference video's URL (MP4/MOV, at most 100 MB, 3–30 s).</summary>
    [JsonPropertyName("video_url")]
    public required string VideoUrl { get; init; }

    /// <summary><c>keep_original_sound</c>: the <b>string</b> <c>"yes"</c> or <c>"no"</c> (not a boolean); Kling's default is <c>"yes"</c>.</summary>
    [JsonPropertyName("keep_original_sound")]
    public string? KeepOriginalSound { get; init; }

    /// <summary><c>character_orientation</c> (required, no default): <c>"image"</c> (video at most 10 s) or <c>"video"</c> (at most 30 s).</summary>
    [JsonPropertyName("character_orientation")]
    public required string CharacterOrientation { get; init; }

    /// <summary><c>mode</c> (required by Kling): <c>"std"</c> or <c>"pro"</c>.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    /// <summary><c>element_list</c>: at most one element; with an element only <c>"video"</c> orientation is effective.</summary>
    [JsonPropertyName("element_list")]
    public IReadOnlyList<KlingElement>? ElementList { get; init; }

    /// <summary><c>watermark_info</c>: ask for a watermarked copy as well (custom watermarks are not supported).</summary>
    [JsonPropertyName("watermark_info")]
    public KlingWatermarkInfo? WatermarkInfo { get; init; }

    /// <summary>
    /// <c>callback_url</c>: Kling POSTs the task to it on every status change. Since 2026-08-07 Kling signs callbacks
    /// (Standard Webhooks headers) once a webhook secret exists for the account: check them with
    /// <see cref="Webhooks.StandardWebhookVerifier"/>; without a secret the call is unsigned, so confirm it with a query.
    /// </summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary><c>external_task_id</c>: your id for the task, unique per account; the task can be queried by it.</summary>
    [JsonPropertyName("external_task_id")]
    public string? ExternalTaskId { get; init; }
}
