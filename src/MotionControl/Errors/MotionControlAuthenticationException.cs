namespace MotionControl;

/// <summary>The vendor refused the credentials (missing, invalid, expired or revoked key; Kling 1000–1004) or the key lacks permission (HTTP 403, Kling 1103).</summary>
public sealed class MotionControlAuthenticationException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlAuthenticationException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
