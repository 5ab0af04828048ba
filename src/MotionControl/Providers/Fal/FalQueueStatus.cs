using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// A request's queue status: <c>GET {queue}/fal-ai/kling-video/requests/{id}/status</c>. <c>IN_QUEUE</c> carries
/// <c>queue_position</c>, <c>IN_PROGRESS</c> the logs so far, <c>COMPLETED</c> the logs and <c>metrics.inference_time</c>
/// (https://docs.fal.ai/model-endpoints/queue).
/// </summary>
public sealed record FalQueueStatus
{
    /// <summary><c>status</c>: <c>IN_QUEUE</c>, <c>IN_PROGRESS</c> or <c>COMPLETED</c> (a completed request may still have failed: read its result).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>request_id</c>, when given.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary><c>queue_position</c>: requests ahead of this one while <c>IN_QUEUE</c> (0 = next).</summary>
    [JsonPropertyName("queue_position")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? QueuePosition { get; init; }

    /// <summary><c>response_url</c>: where the result is read.</summary>
    [JsonPropertyName("response_url")]
    public string? ResponseUrl { get; init; }

    /// <summary><c>status_url</c>, when given.</summary>
    [JsonPropertyName("status_url")]
    public string? StatusUrl { get; init; }

    /// <summary><c>cancel_url</c>, when given.</summary>
    [JsonPropertyName("cancel_url")]
    public string? CancelUrl { get; init; }

    /// <summary><c>logs</c>: the runner's log lines (sent with <c>?logs=1</c>).</summary>
    [JsonPropertyName("logs")]
    public IReadOnlyList<FalLogEntry>? Logs { get; init; }

    /// <summary><c>metrics</c>: on <c>COMPLETED</c>, <c>inference_time</c> in seconds.</summary>
    [JsonPropertyName("metrics")]
    public FalQueueMetrics? Metrics { get; init; }

    /// <summary>
    /// <c>error</c>: why a completed request failed, when the status says so [inferred: not in the queue page's examples];
    /// otherwise the result read tells.
    /// </summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    /// <summary><c>error_type</c>: the kind of failure, next to <see cref="Error"/> [inferred].</summary>
    [JsonPropertyName("error_type")]
    public string? ErrorType { get; init; }
}
