using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>The <c>metrics</c> of a completed request.</summary>
public sealed record FalQueueMetrics
{
    /// <summary><c>inference_time</c>: seconds the runner spent on the request.</summary>
    [JsonPropertyName("inference_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? InferenceTime { get; init; }
}
