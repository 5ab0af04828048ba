using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary><c>watermark_info</c>: whether Kling also produces a watermarked copy (<c>watermark_url</c> on each video).</summary>
public sealed record KlingWatermarkInfo
{
    /// <summary><c>enabled</c>: true for a watermarked copy as well.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }
}
