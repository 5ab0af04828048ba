namespace MotionControl.Media;

/// <summary>
/// Raised inside the header readers when a file is truncated, corrupt or past a <see cref="MediaReadLimits"/> bound.
/// It never leaves the probe: <see cref="MediaProbe"/> turns it into <see cref="MediaFacts.Problem"/>, so deeply nested
/// readers can stop at once without threading a result through every call.
/// </summary>
internal sealed class MediaProblemException : Exception
{
    public MediaProblemException()
    {
    }

    public MediaProblemException(string message)
        : base(message)
    {
    }

    public MediaProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
