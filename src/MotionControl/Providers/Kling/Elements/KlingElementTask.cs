using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// An element-creation task as Kling returns it in <c>data</c>: the create reply (id, status, <c>task_info</c>, timestamps),
/// the single query, each item of the custom and preset lists (which add <c>task_result.elements</c>), and the delete reply
/// (<c>task_id</c> and <c>task_status</c> only). Kling's page: https://kling.ai/document-api/api/video/3-0-omni/elements.
/// </summary>
public sealed record KlingElementTask
{
    /// <summary><c>task_id</c>: Kling's id of the task (kept as a string).</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? TaskId { get; init; }

    /// <summary><c>task_status</c>: <c>submitted</c>, <c>processing</c>, <c>succeed</c> (sic) or <c>failed</c>.</summary>
    [JsonPropertyName("task_status")]
    public string? TaskStatus { get; init; }

    /// <summary><c>task_status_msg</c>: the status message; why the task failed, when it did.</summary>
    [JsonPropertyName("task_status_msg")]
    public string? TaskStatusMessage { get; init; }

    /// <summary><c>task_info</c>: what the task was created with (<c>external_task_id</c>).</summary>
    [JsonPropertyName("task_info")]
    public KlingTaskInfo? TaskInfo { get; init; }

    /// <summary><c>task_result</c>: the elements, once the task succeeded.</summary>
    [JsonPropertyName("task_result")]
    public KlingElementTaskResult? TaskResult { get; init; }

    /// <summary><c>final_unit_deduction</c>: the units charged for the task, as a string.</summary>
    [JsonPropertyName("final_unit_deduction")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? FinalUnitDeduction { get; init; }

    /// <summary><c>final_balance_deduction</c>: the balance charged for the task.</summary>
    [JsonPropertyName("final_balance_deduction")]
    public KlingBalanceDeduction? FinalBalanceDeduction { get; init; }

    /// <summary><c>created_at</c>: creation time in Unix milliseconds.</summary>
    [JsonPropertyName("created_at")]
    public long? CreatedAt { get; init; }

    /// <summary><c>updated_at</c>: last change in Unix milliseconds.</summary>
    [JsonPropertyName("updated_at")]
    public long? UpdatedAt { get; init; }
}

/// <summary><c>task_result</c> of an element task.</summary>
public sealed record KlingElementTaskResult
{
    /// <summary><c>elements</c>: the elements the task made (or, in the preset list, Kling's preset elements).</summary>
    [JsonPropertyName("elements")]
    public IReadOnlyList<KlingElementInfo>? Elements { get; init; }
}
