namespace MotionControl;

/// <summary>
/// The vendor could not be reached, or the connection failed or timed out before a complete reply arrived.
/// Transient. For a create, <see cref="RequestSent"/> tells whether the vendor may have received it.
/// </summary>
public sealed class MotionControlConnectionException : MotionControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The transport failure.</param>
    public MotionControlConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = true;
    }

    /// <summary>
    /// False only when the failure provably happened before the request left this machine (name resolution or connection
    /// refused); true when it may have reached the vendor (reset, premature end, timeout after sending).
    /// </summary>
    public bool RequestSent { get; init; } = true;
}
