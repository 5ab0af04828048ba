namespace MotionControl;

/// <summary>A wait ended because the vendor reported the task failed or was cancelled. <see cref="Task"/> carries the final state.</summary>
public sealed class MotionControlTaskFailedException : MotionControlException
{
    /// <summary>Creates the exception for a failed task.</summary>
    /// <param name="task">The task in its terminal, unsuccessful state.</param>
    public MotionControlTaskFailedException(MotionControlTask task)
        : base(BuildMessage(task))
    {
        Task = task;
        ProviderName = task.ProviderName;
        TaskId = task.Id;
        VendorMessage = task.FailureReason;
    }

    /// <summary>The task as last seen.</summary>
    public MotionControlTask Task { get; }

    private static string BuildMessage(MotionControlTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var verb = task.Status == MotionControlTaskStatus.Canceled ? "was cancelled" : "failed";
        var reason = string.IsNullOrWhiteSpace(task.FailureReason) ? "the vendor gave no reason" : task.FailureReason;
        return $"The {task.ProviderName} task {task.Id} {verb}: {reason}.";
    }
}
