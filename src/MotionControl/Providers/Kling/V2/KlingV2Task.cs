using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>A task as Kling API 2.0 returns it (create, batch query, cursor list and callbacks).</summary>
public sealed record KlingV2Task
{
    /// <summary><c>id</c>: Kling's task id.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; init; }

    /// <summary><c>status</c>: <c>submitted</c>, <c>processing</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>message</c>: why the task failed; empty otherwise.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>create_time</c>: creation time in Unix milliseconds.</summary>
    [JsonPropertyName("create_time")]
    public long? CreateTime { get; init; }

    /// <summary><c>update_time</c>: last change in Unix milliseconds.</summary>
    [JsonPropertyName("update_time")]
    public long? UpdateTime { get; init; }

    /// <summary><c>external_id</c>: the <c>external_task_id</c> the create carried, if any.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary><c>outputs</c>: the results once the task succeeded (videos, for motion control).</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<KlingV2Output>? Outputs { get; init; }

    /// <summary><c>billing</c>: what the task was charged.</summary>
    [JsonPropertyName("billing")]
    public IReadOnlyList<KlingV2Billing>? Billing { get; init; }
}

/// <summary>One item of a task's <c>outputs[]</c>.</summary>
public sealed record KlingV2Output
{
    /// <summary><c>type</c>: <c>video</c> for motion control (Kling also lists image, audio, voice and element outputs).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>id</c>: the output's id.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; init; }

    /// <summary><c>url</c>: where to download it (Kling clears results after 30 days).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>watermark_url</c>: the watermarked copy, when one was asked for.</summary>
    [JsonPropertyName("watermark_url")]
    public string? WatermarkUrl { get; init; }

    /// <summary><c>duration</c>: seconds, as a string.</summary>
    [JsonPropertyName("duration")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Duration { get; init; }
}

/// <summary>One item of a task's <c>billing[]</c>: a deduction from the balance or from a resource pack.</summary>
public sealed record KlingV2Billing
{
    /// <summary><c>charge_type</c>: <c>cash</c> (balance) or <c>unit</c> (resource pack).</summary>
    [JsonPropertyName("charge_type")]
    public string? ChargeType { get; init; }

    /// <summary><c>cash_type</c>: <c>balance</c> or <c>test_balance</c> (cash only).</summary>
    [JsonPropertyName("cash_type")]
    public string? CashType { get; init; }

    /// <summary><c>amount</c>: the discounted price deducted (cash) or the units deducted (unit), as a decimal string.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Amount { get; init; }

    /// <summary><c>currency</c>: <c>CNY</c> or <c>USD</c> (cash only).</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary><c>package_type</c>: <c>video</c>, <c>image</c> or <c>audio</c> (unit only).</summary>
    [JsonPropertyName("package_type")]
    public string? PackageType { get; init; }

    /// <summary><c>list_price</c>: the undiscounted price (cash only), as a decimal string.</summary>
    [JsonPropertyName("list_price")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ListPrice { get; init; }
}
