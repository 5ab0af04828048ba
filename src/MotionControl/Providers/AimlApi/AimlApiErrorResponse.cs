using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI's HTTP error body: <c>{ message, path, requestId, statusCode, timestamp }</c>.</summary>
internal sealed record AimlApiErrorResponse
{
    /// <summary><c>message</c>: the reason (a list of reasons for a validation error is joined).</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message { get; init; }

    /// <summary><c>error</c>: a short error name some replies add (for example <c>Bad Request</c>).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    /// <summary><c>path</c>: the path called.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary><c>requestId</c>: AIMLAPI's id for the call, for support.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary><c>statusCode</c>: the HTTP status again, a string in AIMLAPI's own example and a number elsewhere.</summary>
    [JsonPropertyName("statusCode")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? StatusCode { get; init; }

    /// <summary><c>timestamp</c>: when it happened (ISO 8601), kept as text.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }
}
