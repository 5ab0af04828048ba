using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's reply envelope: <c>{ code, message, request_id, data }</c>. A call succeeded only when the HTTP status is 2xx
/// and <see cref="Code"/> is 0; the typed APIs raise a <see cref="MotionControlException"/> otherwise, so a returned
/// envelope always has code 0.
/// </summary>
/// <typeparam name="T">The shape of <c>data</c>: a <see cref="KlingTask"/>, or a list of them for the list call.</typeparam>
public sealed record KlingResponse<T>
{
    /// <summary><c>code</c>: 0 for success; otherwise a Kling business code (1000–5002).</summary>
    [JsonPropertyName("code")]
    public int Code { get; init; }

    /// <summary><c>message</c>: <c>"SUCCEED"</c> on real successes (fixtures say <c>"success"</c>); never branch on it.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>request_id</c>: Kling's id for the call, for support.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary><c>data</c>: the payload.</summary>
    [JsonPropertyName("data")]
    public required T Data { get; init; }
}
