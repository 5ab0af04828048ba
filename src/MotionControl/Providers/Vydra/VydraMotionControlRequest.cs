using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// The body of Vydra's <c>POST api/v1/models/kling</c>, field for field as Vydra spells it. There is no mode, custom id,
/// callback, element or watermark on this route. Unset members are not sent.
/// </summary>
public sealed record VydraMotionControlRequest
{
    /// <summary><c>image_url</c> (required): a remote URL of the character image (uploaded bytes are not accepted).</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary><c>video_url</c> (required): a remote URL of the reference motion video, at most 30 s.</summary>
    [JsonPropertyName("video_url")]
    public required string VideoUrl { get; init; }

    /// <summary><c>prompt</c> (required): text describing the scene and the action.</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary><c>character_orientation</c>: <c>"video"</c> (Vydra's default and recommendation) or <c>"image"</c>.</summary>
    [JsonPropertyName("character_orientation")]
    public string? CharacterOrientation { get; init; }

    /// <summary><c>keep_original_sound</c>: a <b>boolean</b>; keep the reference video's audio (Vydra's default: <see langword="true"/>).</summary>
    [JsonPropertyName("keep_original_sound")]
    public bool? KeepOriginalSound { get; init; }
}
