namespace MotionControl.Testing;

/// <summary>One request the emulator received, as logged on arrival (before faults or validation).</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string provider,
        EmulatorOperation operation,
        int callNumber,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        string body,
        DateTimeOffset timestamp)
    {
        Provider = provider;
        Operation = operation;
        CallNumber = callNumber;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        Timestamp = timestamp;
    }

    /// <summary>Gets the provider name (see <see cref="EmulatorProviders"/>).</summary>
    public string Provider { get; }

    /// <summary>Gets the kind of call.</summary>
    public EmulatorOperation Operation { get; }

    /// <summary>Gets the 1-based number of this call among calls of the same provider and operation since start or <see cref="MotionControlEmulator.Reset"/> (what <see cref="FaultSchedule.OnCall"/> matches).</summary>
    public int CallNumber { get; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the path, e.g. <c>/v1/videos/motion-control/123</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the query string with its leading <c>?</c>, or an empty string.</summary>
    public string Query { get; }

    /// <summary>Gets the request headers (case-insensitive names; repeated values joined by a comma), secrets redacted unless turned off.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the body text (UTF-8), secrets redacted unless turned off; empty when there was none.</summary>
    public string Body { get; }

    /// <summary>Gets when the request arrived, on the emulator's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{Query} ({Provider} {Operation} #{CallNumber})";
}
