namespace MotionControl;

/// <summary>The vendor does not know the task id (Kling 1201 on a get, HTTP 404, Vydra JOB_NOT_FOUND).</summary>
public sealed class MotionControlTaskNotFoundException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlTaskNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlTaskNotFoundException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
