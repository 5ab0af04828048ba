using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's error body: <c>{detail}</c>, a string or FastAPI's list of <c>{loc, msg, type}</c> (fal-js <c>response.ts</c>),
/// and on the cancel route <c>{status}</c>.
/// </summary>
internal sealed record FalErrorResponse
{
    /// <summary><c>detail</c>: the reason (a list of validation errors is joined).</summary>
    [JsonPropertyName("detail")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Detail { get; init; }

    /// <summary><c>message</c>: the reason, on replies that use this name.</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message { get; init; }

    /// <summary><c>status</c>: the cancel route's word (<c>ALREADY_COMPLETED</c>, <c>NOT_FOUND</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
