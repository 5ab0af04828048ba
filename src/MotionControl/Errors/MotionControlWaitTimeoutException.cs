namespace MotionControl;

/// <summary>A wait reached its deadline before the task ended. The task may still finish: wait again with its id.</summary>
public sealed class MotionControlWaitTimeoutException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="providerName">The provider.</param>
    /// <param name="taskId">The task waited for.</param>
    /// <param name="timeout">The deadline that passed.</param>
    /// <param name="lastTask">The last state seen, if any poll succeeded.</param>
    /// <param name="innerException">The cancellation that ended the request in flight, if any.</param>
    public MotionControlWaitTimeoutException(string providerName, string taskId, TimeSpan timeout, MotionControlTask? lastTask, Exception? innerException = null)
        : base(BuildMessage(providerName, taskId, timeout, lastTask), innerException)
    {
        ProviderName = providerName;
        TaskId = taskId;
        Timeout = timeout;
        LastTask = lastTask;
        IsTransient = true;
    }

    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last state seen, or <see langword="null"/> when no poll succeeded in time.</summary>
    public MotionControlTask? LastTask { get; }

    private static string BuildMessage(string providerName, string taskId, TimeSpan timeout, MotionControlTask? lastTask)
    {
        var seen = lastTask is null ? "no status was read in time" : $"last seen {lastTask.Status}" + (lastTask.Progress is { } p ? $" at {p}%" : string.Empty);
        return $"Waited {timeout.TotalSeconds:0.###} s for the {providerName} task {taskId}, which has not finished ({seen}). It may still finish: wait again with its id.";
    }
}
