using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>The <c>credits</c> of the account's billing: "current credit balance and currency".</summary>
public sealed record FalCredits
{
    /// <summary><c>current_balance</c>: the balance, in <see cref="Currency"/>.</summary>
    [JsonPropertyName("current_balance")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? CurrentBalance { get; init; }

    /// <summary><c>currency</c>: the balance's currency, for example <c>USD</c>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
