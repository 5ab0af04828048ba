namespace MotionControl.Http;

/// <summary>
/// The SSRF guard refused a URL or the addresses its host resolves to. The message names the host and the reason, never
/// the URL's query (a pre-signed URL's signature is a credential).
/// </summary>
internal sealed class RemoteMediaRefusedException : Exception
{
    public RemoteMediaRefusedException(string message)
        : base(message)
    {
    }

    public RemoteMediaRefusedException()
    {
    }

    public RemoteMediaRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The guard's refusal inside a failed request (the handler wraps the connect callback's exception), if any.</summary>
    public static RemoteMediaRefusedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RemoteMediaRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
