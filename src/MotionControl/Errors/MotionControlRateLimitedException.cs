namespace MotionControl;

/// <summary>The vendor asks the caller to slow down (HTTP 429 with Kling 1302/1303, Vydra RATE_LIMIT_EXCEEDED, ModelsLab queue full).</summary>
public sealed class MotionControlRateLimitedException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlRateLimitedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = true;
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlRateLimitedException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
