using System.Text.Json.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// The body of ModelsLab's <c>POST api/v7/video-fusion/motion-control</c>, field for field as ModelsLab spells it.
/// The API key (<c>key</c>) is not part of this type: the client adds it when sending. Unset (<see langword="null"/>)
/// members are not sent.
/// </summary>
public sealed record ModelsLabMotionControlRequest
{
    /// <summary><c>key</c>: set by the client from its options when sending; never printed.</summary>
    [JsonInclude]
    [JsonPropertyName("key")]
    internal string? Key { get; init; }

    /// <summary><c>model_id</c>: <c>kling-motion-control</c> (Kling Motion Control v2.6, the default) or <c>kling-v3-motion-control</c>.</summary>
    [JsonPropertyName("model_id")]
    public string ModelId { get; init; } = ModelsLabClient.DefaultModel;

    /// <summary><c>init_image</c> (required): the character image's URL (Base64 is not documented for this endpoint).</summary>
    [JsonPropertyName("init_image")]
    public required string InitImage { get; init; }

    /// <summary><c>init_video</c> (required): the reference video's URL (MP4/MOV, at most 100 MB, sides 340–3850 px, 3–30 s).</summary>
    [JsonPropertyName("init_video")]
    public required string InitVideo { get; init; }

    /// <summary><c>prompt</c> (required): text guiding the animation, positive and negative descriptions alike.</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary><c>character_orientation</c>: <c>"image"</c> (video at most 10 s) or <c>"video"</c> (at most 30 s); ModelsLab states no default.</summary>
    [JsonPropertyName("character_orientation")]
    public string? CharacterOrientation { get; init; }

    /// <summary><c>mode</c>: <c>"std"</c> (standard, cheaper) or <c>"pro"</c> (professional); omitted, ModelsLab decides.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary><c>webhook</c>: an HTTPS URL ModelsLab POSTs the finished task to (best effort; keep fetching as a fallback).</summary>
    [JsonPropertyName("webhook")]
    public string? Webhook { get; init; }

    /// <summary><c>track_id</c>: your id, echoed in the webhook. ModelsLab cannot be queried by it.</summary>
    [JsonPropertyName("track_id")]
    public string? TrackId { get; init; }
}
