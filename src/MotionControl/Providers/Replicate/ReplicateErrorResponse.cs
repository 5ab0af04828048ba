using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// Replicate's error body: problem details (RFC 7807, <c>application/problem+json</c>): <c>{title, detail, status}</c>,
/// sometimes <c>type</c> and <c>instance</c>; some errors carry only <c>detail</c>.
/// </summary>
internal sealed record ReplicateErrorResponse
{
    /// <summary><c>type</c>: a URI naming the kind of error.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>title</c>: a short summary, for example <c>Unauthenticated</c>.</summary>
    [JsonPropertyName("title")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Title { get; init; }

    /// <summary><c>detail</c>: this occurrence's explanation, for example <c>You did not pass a valid authentication token</c>.</summary>
    [JsonPropertyName("detail")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Detail { get; init; }

    /// <summary><c>status</c>: the HTTP status again.</summary>
    [JsonPropertyName("status")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Status { get; init; }

    /// <summary><c>instance</c>: a URI of this occurrence.</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }
}
