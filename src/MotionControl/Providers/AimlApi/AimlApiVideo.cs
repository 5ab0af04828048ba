using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>The generated video of an AIMLAPI generation.</summary>
public sealed record AimlApiVideo
{
    /// <summary><c>url</c>: where to download the video.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
