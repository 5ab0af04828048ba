using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// AIMLAPI's balance: <c>GET v2/billing</c> (https://docs.aimlapi.com/api-references/service-endpoints/account-balance).
/// </summary>
public sealed record AimlApiBilling
{
    /// <summary><c>current_balance</c>: the user's balance, in US dollars.</summary>
    [JsonPropertyName("current_balance")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? CurrentBalance { get; init; }

    /// <summary><c>currency</c>: the balance's currency (always <c>USD</c>).</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
