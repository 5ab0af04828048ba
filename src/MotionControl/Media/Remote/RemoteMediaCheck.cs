namespace MotionControl.Media.Remote;

/// <summary>How a remote pre-flight of one URL ended.</summary>
internal enum RemoteMediaCheckStatus
{
    /// <summary>The facts were read; the rules run on them as on a local file.</summary>
    Checked,

    /// <summary>The facts could not be read within the bounds (no size, budget, timeout, HTTP error): a warning, or an error in strict mode.</summary>
    Unchecked,

    /// <summary>The SSRF guard refused the URL, a redirect hop or its addresses: always an error.</summary>
    Forbidden,
}

/// <summary>The outcome of one remote pre-flight.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Facts">The facts when <see cref="RemoteMediaCheckStatus.Checked"/>.</param>
/// <param name="Reason">Why it was not checked or was refused, in words (no URL query).</param>
/// <param name="BytesFetched">Body bytes received.</param>
/// <param name="Requests">Requests sent (HEAD included).</param>
internal sealed record RemoteMediaCheck(RemoteMediaCheckStatus Status, MediaFacts? Facts, string? Reason, long BytesFetched, int Requests);
