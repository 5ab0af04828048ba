namespace MotionControl;

/// <summary>The vendor rejected the request as invalid (HTTP 400, Kling 1200/1201 on a create); the vendor's reason is in the message and VendorMessage.</summary>
public sealed class MotionControlRequestRejectedException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlRequestRejectedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlRequestRejectedException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
