namespace MotionControl.Media.Remote;

/// <summary>
/// A remote pre-flight could not learn the facts within its bounds (no size, the budget spent, an HTTP error): the URL is
/// "not checked remotely". Deliberately not an <see cref="IOException"/>, so the probe does not turn it into a content
/// problem; the message never contains the URL's query.
/// </summary>
internal sealed class RemoteMediaUncheckedException : Exception
{
    public RemoteMediaUncheckedException(string message)
        : base(message)
    {
    }

    public RemoteMediaUncheckedException()
    {
    }

    public RemoteMediaUncheckedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
