namespace MotionControl;

/// <summary>The account cannot pay for the job (Kling 1100–1102, HTTP 402, Vydra INSUFFICIENT_CREDITS). Not transient: top up first.</summary>
public sealed class MotionControlInsufficientCreditsException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlInsufficientCreditsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlInsufficientCreditsException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
