namespace MotionControl;

/// <summary>The vendor refused the input on content grounds (Kling 1301). Not transient: change the image, video or prompt.</summary>
public sealed class MotionControlContentPolicyException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlContentPolicyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>For a vendor's error reply: every fact set at construction.</summary>
    internal MotionControlContentPolicyException(string message, VendorReplyFacts facts)
        : base(message, facts)
    {
    }
}
