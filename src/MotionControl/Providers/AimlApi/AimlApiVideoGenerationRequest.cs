using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// The body of AIMLAPI's <c>POST v2/video/generations</c> for the Kling motion-control model, field for field as AIMLAPI
/// spells it. There is no mode (the model is "pro"), no callback, no custom id and no element. Unset members are not sent.
/// </summary>
public sealed record AimlApiVideoGenerationRequest
{
    /// <summary><c>model</c>: <c>klingai/video-v2-6-pro-motion-control</c>.</summary>
    [JsonPropertyName("model")]
    public string Model { get; init; } = AimlApiClient.DefaultModel;

    /// <summary><c>image_url</c> (required): the character image as a URL, or Base64 (a <c>data:image/…;base64,</c> URI).</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary><c>video_url</c> (required): the reference video as an HTTPS URL or a <c>data:video/…;base64,</c> URI (3–30 s).</summary>
    [JsonPropertyName("video_url")]
    public required string VideoUrl { get; init; }

    /// <summary><c>prompt</c>: optional background details; can subtly adjust the animation.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary><c>character_orientation</c>: <c>"image"</c> (AIMLAPI's default; video at most 10 s) or <c>"video"</c> (at most 30 s).</summary>
    [JsonPropertyName("character_orientation")]
    public string? CharacterOrientation { get; init; }

    /// <summary><c>keep_audio</c>: a <b>boolean</b>; keep the reference video's sound (AIMLAPI's default: <see langword="true"/>).</summary>
    [JsonPropertyName("keep_audio")]
    public bool? KeepAudio { get; init; }

    /// <summary><c>mode</c>: <c>std</c> (the default) or <c>pro</c>; only <c>klingai/video-v3-motion-control</c> has it.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }
}
