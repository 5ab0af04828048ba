using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// The <c>input</c> of a Kling Motion Control prediction, field for field as the model's schema spells it
/// (https://replicate.com/kwaivgi/kling-v2.6-motion-control/api, "Input schema"; the same fields on
/// <c>kwaivgi/kling-v3-motion-control</c>). Unset members are not sent.
/// </summary>
public sealed record ReplicateMotionControlInput
{
    /// <summary>
    /// <c>image</c> (required): the character image, a URI: an http(s) URL, a Replicate file URL (<c>urls.get</c> of
    /// <c>POST /v1/files</c>), or a <c>data:</c> URL (Replicate advises those only up to 256 KB). JPEG or PNG, at most 10 MB,
    /// each side 340–3850 px, aspect ratio 1:2.5 to 2.5:1.
    /// </summary>
    [JsonPropertyName("image")]
    public required string Image { get; init; }

    /// <summary><c>video</c> (required): the reference motion video, a URI like <see cref="Image"/>. MP4 or MOV, at most 100 MB, 3–30 s depending on <see cref="CharacterOrientation"/>.</summary>
    [JsonPropertyName("video")]
    public required string Video { get; init; }

    /// <summary><c>prompt</c>: text that adds elements or motion effects (Replicate's default: empty).</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary><c>mode</c>: <c>std</c> (Replicate's default) or <c>pro</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary><c>keep_original_sound</c>: a <b>boolean</b>; keep the reference video's audio (Replicate's default: <see langword="true"/>).</summary>
    [JsonPropertyName("keep_original_sound")]
    public bool? KeepOriginalSound { get; init; }

    /// <summary>
    /// <c>character_orientation</c>: <c>image</c> (Replicate's default; at most a 10 s video) or <c>video</c> (at most 30 s).
    /// The neutral client always sends it, so the SDK's default (<c>video</c>) is never silently replaced by Replicate's.
    /// </summary>
    [JsonPropertyName("character_orientation")]
    public string? CharacterOrientation { get; init; }
}
