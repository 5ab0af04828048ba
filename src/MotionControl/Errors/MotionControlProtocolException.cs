namespace MotionControl;

/// <summary>The vendor's reply could not be read (not JSON, truncated, missing required fields). Carries a short redacted excerpt.</summary>
public sealed class MotionControlProtocolException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MotionControlProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The first characters of the unreadable reply, with secrets redacted; <see langword="null"/> when there was no body.</summary>
    public string? ResponseExcerpt { get; init; }
}
