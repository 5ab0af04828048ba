using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>Why an AIMLAPI generation failed.</summary>
public sealed record AimlApiGenerationError
{
    /// <summary><c>name</c>: the error's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>message</c>: the reason, in AIMLAPI's words.</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message { get; init; }
}
