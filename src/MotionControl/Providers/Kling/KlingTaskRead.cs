using System.Text;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// What the neutral mapping reads of one legacy Kling task (from its DTO, or from <see cref="KlingTaskReader"/> straight
/// from the reply's bytes), with the task's JSON for <see cref="MotionControlTask.Raw"/>. A value: reading it allocates
/// only the strings it holds.
/// </summary>
internal readonly struct KlingTaskRead
{
    /// <summary><c>task_id</c> (never empty).</summary>
    public required string TaskId { get; init; }

    /// <summary><c>task_status</c>.</summary>
    public string? TaskStatus { get; init; }

    /// <summary><c>task_status_msg</c>.</summary>
    public string? TaskStatusMessage { get; init; }

    /// <summary><c>task_info.external_task_id</c> as text (the DTO path, an empty or an escaped value).</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>
    /// <c>task_info.external_task_id</c> as its UTF-8 bytes (valid, unescaped, not empty) when <see cref="KlingTaskReader"/> read it:
    /// made into a string only when it differs from the id the create sent (<see cref="ExternalTaskIdOr"/>).
    /// </summary>
    public ReadOnlyMemory<byte> ExternalTaskIdUtf8 { get; init; }

    /// <summary><c>task_result.videos</c>.</summary>
    public IReadOnlyList<KlingVideo>? Videos { get; init; }

    /// <summary><c>final_unit_deduction</c>.</summary>
    public string? FinalUnitDeduction { get; init; }

    /// <summary><c>final_balance_deduction</c>.</summary>
    public KlingBalanceDeduction? FinalBalanceDeduction { get; init; }

    /// <summary><c>created_at</c>, Unix milliseconds.</summary>
    public long? CreatedAt { get; init; }

    /// <summary><c>updated_at</c>, Unix milliseconds.</summary>
    public long? UpdatedAt { get; init; }

    /// <summary>The task's own JSON (<c>data</c>).</summary>
    public required LazyJson Raw { get; init; }

    /// <summary>The fields of a task read as its DTO.</summary>
    /// <param name="task">The DTO (its id is known to be present).</param>
    /// <param name="raw">Its JSON.</param>
    /// <returns>The fields.</returns>
    public static KlingTaskRead Of(KlingTask task, LazyJson raw) => new()
    {
        TaskId = task.TaskId!,
        TaskStatus = task.TaskStatus,
        TaskStatusMessage = task.TaskStatusMessage,
        ExternalTaskId = task.TaskInfo?.ExternalTaskId,
        Videos = task.TaskResult?.Videos,
        FinalUnitDeduction = task.FinalUnitDeduction,
        FinalBalanceDeduction = task.FinalBalanceDeduction,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        Raw = raw,
    };

    /// <summary>
    /// <c>task_info.external_task_id</c> as text: <paramref name="sent"/> itself when the reply echoes it byte for byte
    /// (no second copy of the id the create sent), else the reply's own text.
    /// </summary>
    /// <param name="sent">The id the create sent, or <see langword="null"/>.</param>
    /// <returns>The reply's external id, <see langword="null"/> when it has none.</returns>
    public string? ExternalTaskIdOr(string? sent)
    {
        if (ExternalTaskIdUtf8.IsEmpty)
        {
            return ExternalTaskId;
        }

        var utf8 = ExternalTaskIdUtf8.Span;
        return sent is not null && utf8.Length == sent.Length && Ascii.Equals(utf8, sent) ? sent : Encoding.UTF8.GetString(utf8);
    }
}
