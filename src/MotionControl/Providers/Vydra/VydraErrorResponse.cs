using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's error body: <c>{ error, code, details }</c>, plus the extra fields some errors add.</summary>
internal sealed record VydraErrorResponse
{
    /// <summary><c>error</c>: the reason, in Vydra's words.</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    /// <summary><c>code</c>: Vydra's code, for example <c>KEY_REVOKED</c>, <c>INSUFFICIENT_CREDITS</c>, <c>JOB_NOT_FOUND</c>.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(MotionControl.Serialization.NumberOrStringConverter))]
    public string? Code { get; init; }

    /// <summary><c>details</c>: more about the error (which field, which limit), as text.</summary>
    [JsonPropertyName("details")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Details { get; init; }

    /// <summary><c>message</c>: the reason, on replies that use this name.</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message { get; init; }

    /// <summary><c>retryAfter</c>: seconds to wait, on a 429.</summary>
    [JsonPropertyName("retryAfter")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? RetryAfter { get; init; }
}
