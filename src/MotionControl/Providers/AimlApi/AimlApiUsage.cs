using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>The <c>meta.usage</c> of an AIMLAPI generation.</summary>
public sealed record AimlApiUsage
{
    /// <summary><c>credits_used</c>: the AIMLAPI credits charged.</summary>
    [JsonPropertyName("credits_used")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? CreditsUsed { get; init; }

    /// <summary><c>usd_spent</c>: the dollars charged (the v3 model's schema; $1 is 2,000,000 credits).</summary>
    [JsonPropertyName("usd_spent")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? UsdSpent { get; init; }
}
