using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's reply to <c>PUT …/requests/{id}/cancel</c>: <c>{status}</c>, <c>CANCELLATION_REQUESTED</c> (HTTP 202) before the
/// request started, <c>ALREADY_COMPLETED</c> (HTTP 400) once it did (https://docs.fal.ai/model-endpoints/queue).
/// </summary>
public sealed record FalCancelResponse
{
    /// <summary>The word fal answers a cancel of a request that had not started with.</summary>
    public const string CancellationRequested = "CANCELLATION_REQUESTED";

    /// <summary>The word fal refuses a cancel of a request that already started (or ended) with.</summary>
    public const string AlreadyCompleted = "ALREADY_COMPLETED";

    /// <summary><c>status</c>: <see cref="CancellationRequested"/> or <see cref="AlreadyCompleted"/> (fal also documents <c>NOT_FOUND</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
