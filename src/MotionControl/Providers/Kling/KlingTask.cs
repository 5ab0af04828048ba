using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// A motion-control task as Kling returns it in <c>data</c> (create, query and list; PowerTokens uses the same shape).
/// A create reply carries only the id, status, <c>task_info</c> and the timestamps.
/// </summary>
public sealed record KlingTask
{
    /// <summary><c>task_id</c>: Kling's id (numeric-looking, kept as a string). On PowerTokens, its public id.</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? TaskId { get; init; }

    /// <summary><c>task_status</c>: <c>submitted</c>, <c>processing</c>, <c>succeed</c> (sic) or <c>failed</c>.</summary>
    [JsonPropertyName("task_status")]
    public string? TaskStatus { get; init; }

    /// <summary><c>task_status_msg</c>: why the task failed (for example content risk control); empty otherwise.</summary>
    [JsonPropertyName("task_status_msg")]
    public string? TaskStatusMessage { get; init; }

    /// <summary><c>task_info</c>: what the task was created with.</summary>
    [JsonPropertyName("task_info")]
    public KlingTaskInfo? TaskInfo { get; init; }

    /// <summary><c>task_result</c>: the outputs, once the task succeeded.</summary>
    [JsonPropertyName("task_result")]
    public KlingTaskResult? TaskResult { get; init; }

    /// <summary><c>watermark_info</c>: whether a watermarked copy was asked for.</summary>
    [JsonPropertyName("watermark_info")]
    public KlingWatermarkInfo? WatermarkInfo { get; init; }

    /// <summary><c>final_unit_deduction</c>: the units charged, as a string.</summary>
    [JsonPropertyName("final_unit_deduction")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? FinalUnitDeduction { get; init; }

    /// <summary><c>final_balance_deduction</c>: what the task took from a cash balance (accounts that pay from one), if anything.</summary>
    [JsonPropertyName("final_balance_deduction")]
    public KlingBalanceDeduction? FinalBalanceDeduction { get; init; }

    /// <summary><c>created_at</c>: creation time in Unix milliseconds.</summary>
    [JsonPropertyName("created_at")]
    public long? CreatedAt { get; init; }

    /// <summary><c>updated_at</c>: last change in Unix milliseconds.</summary>
    [JsonPropertyName("updated_at")]
    public long? UpdatedAt { get; init; }
}
