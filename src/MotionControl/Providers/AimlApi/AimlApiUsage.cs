using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>The <c>meta.usage</c> of an AIMLAPI generation.</summary>
public sealed record AimlApiUsage
{
    /// <summary><c>credits_used</c>: the AIMLAPI credits charged.</summary>
    [JsonPropertyName("credits_used")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? CreditsUsed { get; init; }
}
