namespace MotionControl;

/// <summary>How <see cref="IMotionControlClient.ListTasksAsync"/> pages through a vendor's task list.</summary>
public sealed record MotionControlListOptions
{
    /// <summary>Items per request. <see langword="null"/> uses the vendor's default (Kling 30, range 1–500; Vydra 20, range 1–100).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only tasks in this state, where the vendor can filter; otherwise filtered locally.</summary>
    public MotionControlTaskStatus? Status { get; init; }

    /// <summary>Stop after this many tasks. <see langword="null"/> reads every page.</summary>
    public int? MaxItems { get; init; }
}
