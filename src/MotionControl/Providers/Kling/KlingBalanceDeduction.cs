using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// <c>final_balance_deduction</c>: what a task took from the account's cash balance (accounts that pay from a balance
/// rather than resource packs; https://kling.ai/document-api/api/get-started/callbacks). The reply does not name the
/// currency; the balance ledger (<see cref="IKlingApi.GetBalanceDeductionsAsync"/>) does.
/// </summary>
public sealed record KlingBalanceDeduction
{
    /// <summary><c>quota</c>: the discounted price charged, as a string.</summary>
    [JsonPropertyName("quota")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Quota { get; init; }

    /// <summary><c>list_price</c>: the list price, as a string.</summary>
    [JsonPropertyName("list_price")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ListPrice { get; init; }
}
