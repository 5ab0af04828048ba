using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// The body of <c>POST /v1/models/{owner}/{name}/predictions</c> (https://replicate.com/docs/reference/http,
/// "models.predictions.create"). Unset members are not sent.
/// </summary>
public sealed record ReplicatePredictionRequest
{
    /// <summary><c>input</c> (required): the model's input.</summary>
    [JsonPropertyName("input")]
    public required ReplicateMotionControlInput Input { get; init; }

    /// <summary><c>webhook</c>: an HTTPS URL Replicate POSTs the prediction to (it follows no redirects, and may call it more than once).</summary>
    [JsonPropertyName("webhook")]
    public string? Webhook { get; init; }

    /// <summary>
    /// <c>webhook_events_filter</c>: which events call <see cref="Webhook"/>: <c>start</c>, <c>output</c>, <c>logs</c>,
    /// <c>completed</c> (a terminal state). <see langword="null"/> uses Replicate's default (new outputs and the end).
    /// </summary>
    [JsonPropertyName("webhook_events_filter")]
    public IReadOnlyList<string>? WebhookEventsFilter { get; init; }
}
