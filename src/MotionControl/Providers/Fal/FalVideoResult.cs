using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>A completed request's result: <c>GET {queue}/fal-ai/kling-video/requests/{id}</c> → <c>{video}</c> (fal-js <c>I2VOutput</c>).</summary>
public sealed record FalVideoResult
{
    /// <summary><c>video</c>: the generated video.</summary>
    [JsonPropertyName("video")]
    public FalFile? Video { get; init; }
}
