using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>The <c>metrics</c> of an ended prediction. Replicate reports time, not money: no charge is derived from it.</summary>
public sealed record ReplicatePredictionMetrics
{
    /// <summary><c>predict_time</c>: seconds of CPU or GPU time the prediction ran (not the time it waited to start).</summary>
    [JsonPropertyName("predict_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? PredictTime { get; init; }

    /// <summary><c>total_time</c>: seconds from creation to the end.</summary>
    [JsonPropertyName("total_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? TotalTime { get; init; }
}
