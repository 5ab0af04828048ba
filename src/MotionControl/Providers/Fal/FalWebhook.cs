using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// The body fal posts to a request's <c>fal_webhook</c> URL when it ends
/// (https://docs.fal.ai/model-apis/model-endpoints/webhooks): the ids, <c>OK</c> or <c>ERROR</c>, the result or the error
/// body as <c>payload</c>, the error message, and <c>payload_error</c> when the result could not be serialized.
/// </summary>
internal sealed record FalWebhook
{
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    [JsonPropertyName("gateway_request_id")]
    public string? GatewayRequestId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("payload")]
    public FalWebhookPayload? Payload { get; init; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    [JsonPropertyName("payload_error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? PayloadError { get; init; }
}

/// <summary>A webhook's <c>payload</c>: the model's result (its <c>video</c>) on success, the error body (<c>detail</c>) on failure.</summary>
internal sealed record FalWebhookPayload
{
    [JsonPropertyName("video")]
    public FalFile? Video { get; init; }

    [JsonPropertyName("detail")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Detail { get; init; }
}
