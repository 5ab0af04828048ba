using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The <c>data</c> of a deduction ledger page (<c>POST /account/billing/balance</c> or <c>/account/billing/package</c>,
/// https://kling.ai/document-api/api/assets/billing-deduction/balance, "Response Example").
/// </summary>
/// <typeparam name="TEntry"><see cref="KlingBalanceLedgerEntry"/> or <see cref="KlingUnitLedgerEntry"/>.</typeparam>
public sealed record KlingLedger<TEntry>
    where TEntry : KlingLedgerEntry
{
    /// <summary><c>result</c>: the entries of this page.</summary>
    [JsonPropertyName("result")]
    public KlingLedgerResult<TEntry>? Result { get; init; }

    /// <summary><c>next_cursor</c>: pass it back (<see cref="KlingLedgerQuery.After"/>) for the next page.</summary>
    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    /// <summary><c>has_more</c>: whether more entries follow.</summary>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }
}

/// <summary>The <c>result</c> of a <see cref="KlingLedger{TEntry}"/>.</summary>
/// <typeparam name="TEntry">The ledger's entry type.</typeparam>
public sealed record KlingLedgerResult<TEntry>
    where TEntry : KlingLedgerEntry
{
    /// <summary><c>detail</c>: one entry per deduction.</summary>
    [JsonPropertyName("detail")]
    public IReadOnlyList<TEntry>? Detail { get; init; }

    /// <summary><c>count</c>: the number of entries in this page.</summary>
    [JsonPropertyName("count")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Count { get; init; }
}

/// <summary>What both deduction ledgers record about one task's deduction.</summary>
public abstract record KlingLedgerEntry
{
    /// <summary><c>task_id</c>: the task charged.</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? TaskId { get; init; }

    /// <summary><c>api_key_name</c>: the name of the API key that ran it.</summary>
    [JsonPropertyName("api_key_name")]
    public string? ApiKeyName { get; init; }

    /// <summary><c>product_function</c>: the task's function, e.g. Image to Video.</summary>
    [JsonPropertyName("product_function")]
    public string? ProductFunction { get; init; }

    /// <summary><c>model_name</c>: the model version used.</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary><c>resolution</c>: <c>720p</c>, <c>1080p</c> or <c>4k</c> (a legacy <c>mode</c> maps std → 720p, pro → 1080p).</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary><c>duration</c>: the video's length in seconds, as a string (e.g. <c>"5.04"</c>).</summary>
    [JsonPropertyName("duration")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Duration { get; init; }

    /// <summary><c>refer_video_input</c>: whether a reference video was used.</summary>
    [JsonPropertyName("refer_video_input")]
    public bool? ReferVideoInput { get; init; }

    /// <summary><c>video_sound</c>: <c>native</c>, <c>original</c> or <c>off</c>.</summary>
    [JsonPropertyName("video_sound")]
    public string? VideoSound { get; init; }

    /// <summary><c>voice_control</c>: whether a designated voice was used.</summary>
    [JsonPropertyName("voice_control")]
    public bool? VoiceControl { get; init; }

    /// <summary><c>deduction_time</c>: when the deduction was made, Unix time in milliseconds (Kling sends a string).</summary>
    [JsonPropertyName("deduction_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? DeductionTime { get; init; }

    /// <summary><c>deduction_amount</c>: how much was deducted (balance or units).</summary>
    [JsonPropertyName("deduction_amount")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? DeductionAmount { get; init; }
}

/// <summary>One entry of the balance ledger (<c>POST /account/billing/balance</c>): a deduction from the cash balance.</summary>
public sealed record KlingBalanceLedgerEntry : KlingLedgerEntry
{
    /// <summary><c>cash_type</c>: <c>balance</c> (the official quota) or <c>test_balance</c> (the test quota).</summary>
    [JsonPropertyName("cash_type")]
    public string? CashType { get; init; }

    /// <summary><c>balance_before_deduction</c>.</summary>
    [JsonPropertyName("balance_before_deduction")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? BalanceBeforeDeduction { get; init; }

    /// <summary><c>balance_after_deduction</c>.</summary>
    [JsonPropertyName("balance_after_deduction")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? BalanceAfterDeduction { get; init; }

    /// <summary><c>list_price</c>: the price before discount.</summary>
    [JsonPropertyName("list_price")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? ListPrice { get; init; }

    /// <summary><c>currency</c>: <c>CNY</c> or <c>USD</c>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}

/// <summary>One entry of the unit ledger (<c>POST /account/billing/package</c>): a deduction from a resource pack.</summary>
public sealed record KlingUnitLedgerEntry : KlingLedgerEntry
{
    /// <summary><c>package_id</c>: the resource pack charged.</summary>
    [JsonPropertyName("package_id")]
    public string? PackageId { get; init; }

    /// <summary><c>product_type</c>: the pack's type, <c>video</c>, <c>image</c> or <c>try-on</c>.</summary>
    [JsonPropertyName("product_type")]
    public string? ProductType { get; init; }

    /// <summary><c>unit_before_deduction</c>.</summary>
    [JsonPropertyName("unit_before_deduction")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? UnitBeforeDeduction { get; init; }

    /// <summary><c>unit_after_deduction</c>.</summary>
    [JsonPropertyName("unit_after_deduction")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? UnitAfterDeduction { get; init; }
}
