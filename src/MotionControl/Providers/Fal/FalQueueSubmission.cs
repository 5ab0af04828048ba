using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>fal's reply to a queue submit: the request id and the addresses of its status, result and cancel routes.</summary>
public sealed record FalQueueSubmission
{
    /// <summary><c>request_id</c>: the request's id (the neutral task id).</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary><c>response_url</c>: where the result is read once <c>COMPLETED</c> (under the app id, not the model's sub-path).</summary>
    [JsonPropertyName("response_url")]
    public string? ResponseUrl { get; init; }

    /// <summary><c>status_url</c>: where the status is read.</summary>
    [JsonPropertyName("status_url")]
    public string? StatusUrl { get; init; }

    /// <summary><c>cancel_url</c>: where the request is cancelled (PUT).</summary>
    [JsonPropertyName("cancel_url")]
    public string? CancelUrl { get; init; }

    /// <summary><c>status</c>: <c>IN_QUEUE</c> on a new request, when given.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>queue_position</c>: requests ahead of this one, when given.</summary>
    [JsonPropertyName("queue_position")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? QueuePosition { get; init; }
}
