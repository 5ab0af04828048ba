using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's reply envelope as read off the wire, before the envelope rule (HTTP 2xx <b>and</b> <c>code</c> 0) is applied:
/// every member may be missing, and <c>code</c> may come as a numeric string from a gateway. The typed APIs return
/// <see cref="KlingResponse{T}"/> once the rule holds.
/// </summary>
/// <remarks>
/// Settable, unlike the public DTOs: System.Text.Json's source generator reads <c>init</c> properties through its
/// constructor-argument path (an argument array and boxed values per object), which this internal type can skip.
/// </remarks>
/// <typeparam name="T">The shape of <c>data</c>.</typeparam>
internal sealed record KlingEnvelope<T>
    where T : class
{
    [JsonPropertyName("code")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }

    [JsonPropertyName("data")]
    public T? Data { get; set; }
}
