using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// The body of fal's <c>POST {queue}/fal-ai/kling-video/{v2.6|v3}/{standard|pro}/motion-control</c>, field for field as
/// fal spells it (fal-js <c>KlingVideoV26ProMotionControlInput</c>, <c>KlingVideoV3ProMotionControlInput</c>). The tier is
/// in the path: there is no mode field. Unset members are not sent.
/// </summary>
public sealed record FalMotionControlInput
{
    /// <summary><c>image_url</c> (required): the character image's URL (the characters, background and other elements come from it).</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary><c>video_url</c> (required): the reference video's URL; at most 10 s with orientation <c>image</c>, 30 s with <c>video</c>.</summary>
    [JsonPropertyName("video_url")]
    public required string VideoUrl { get; init; }

    /// <summary><c>character_orientation</c> (required): <c>"image"</c> or <c>"video"</c>.</summary>
    [JsonPropertyName("character_orientation")]
    public required string CharacterOrientation { get; init; }

    /// <summary><c>keep_original_sound</c>: a boolean; keep the reference video's sound (fal's default: <see langword="true"/>).</summary>
    [JsonPropertyName("keep_original_sound")]
    public bool? KeepOriginalSound { get; init; }

    /// <summary><c>prompt</c>: text describing the scene (optional); on v3, <c>@Element1</c> names the element.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>
    /// <c>elements</c> (v3 only): at most one element for facial consistency, only with orientation <c>video</c>.
    /// </summary>
    [JsonPropertyName("elements")]
    public IReadOnlyList<FalElementInput>? Elements { get; init; }
}
