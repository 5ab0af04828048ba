using System.Text.Json.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// ModelsLab's wallet: <c>POST api/wallet_balance</c> (https://docs.modelslab.com/general-api/wallet-balance, "Response").
/// </summary>
public sealed record ModelsLabWalletBalance
{
    /// <summary><c>status</c>: <c>success</c>, or <c>error</c> with its reason in <see cref="Message"/>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>message</c>: ModelsLab's words when <see cref="Status"/> is <c>error</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>data</c>: the balance and its currency.</summary>
    [JsonPropertyName("data")]
    public ModelsLabWalletBalanceData? Data { get; init; }
}

/// <summary>The <c>data</c> of <see cref="ModelsLabWalletBalance"/>.</summary>
public sealed record ModelsLabWalletBalanceData
{
    /// <summary><c>balance</c>: what is left in the wallet, in <see cref="Currency"/>.</summary>
    [JsonPropertyName("balance")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? Balance { get; init; }

    /// <summary><c>currency</c>: the balance's currency (<c>USD</c>).</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
