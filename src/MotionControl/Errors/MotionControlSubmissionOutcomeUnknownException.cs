namespace MotionControl;

/// <summary>
/// A create request may have reached the vendor, but no reply says whether a task (and a charge) exists. The SDK did not
/// re-send it. Check the vendor's dashboard or list before submitting again.
/// </summary>
public sealed class MotionControlSubmissionOutcomeUnknownException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to check.</param>
    /// <param name="innerException">The failure that hid the outcome (a timeout, a reset connection, a 5xx).</param>
    public MotionControlSubmissionOutcomeUnknownException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The client id sent with the create, where the vendor supports one: look the task up with it.</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>When the create was sent (UTC), to narrow a search of the vendor's task list.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
}
