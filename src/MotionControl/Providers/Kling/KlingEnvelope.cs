using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's reply envelope as read off the wire, before the envelope rule (HTTP 2xx <b>and</b> <c>code</c> 0) is applied:
/// every member may be missing, and <c>code</c> may come as a numeric string from a gateway. The typed APIs return
/// <see cref="KlingResponse{T}"/> once the rule holds.
/// </summary>
/// <typeparam name="T">The shape of <c>data</c>.</typeparam>
internal sealed record KlingEnvelope<T>
    where T : class
{
    [JsonPropertyName("code")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    [JsonPropertyName("data")]
    public T? Data { get; init; }
}
