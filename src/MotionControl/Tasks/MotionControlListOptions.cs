namespace MotionControl;

/// <summary>How <see cref="IMotionControlClient.ListTasksAsync"/> pages through a vendor's task list.</summary>
public sealed record MotionControlListOptions
{
    /// <summary>Items per request. <see langword="null"/> uses the vendor's default (Kling 30, range 1–500; Vydra 20, range 1–100).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only tasks in this state, where the vendor can filter; otherwise filtered locally.</summary>
    public MotionControlTaskStatus? Status { get; init; }

    /// <summary>
    /// Only tasks created at or after this time. Sent to the vendor where it filters by creation time (Kling API 2.0, as
    /// Unix milliseconds); elsewhere the tasks read are filtered here, and a task without a creation time is left out.
    /// </summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Only tasks created at or before this time; sent or applied like <see cref="CreatedAfter"/>.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Stop after this many tasks. <see langword="null"/> reads every page.</summary>
    public int? MaxItems { get; init; }
}
