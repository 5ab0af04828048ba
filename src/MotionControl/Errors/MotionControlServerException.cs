namespace MotionControl;

/// <summary>The vendor failed to answer properly (HTTP 5xx, Kling 5000–5002); usually transient.</summary>
public sealed class MotionControlServerException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlServerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = true;
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlServerException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
