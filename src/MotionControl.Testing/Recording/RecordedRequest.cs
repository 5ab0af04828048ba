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
        DateTimeOffset timestamp,
        string? account)
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
        Account = account;
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

    /// <summary>
    /// Gets the name of the account whose credentials the request carried (<see cref="EmulatorCredentials.DefaultAccountName"/>
    /// or the name of one of <see cref="EmulatorCredentials.AdditionalAccounts"/>), or null when they authenticate no
    /// account: missing, unknown, or refused by the vendor's rules (a Kling JWT signed with one account's secret but
    /// another's access key, expired, not yet valid, ...). Never the key itself.
    /// </summary>
    /// <remarks>
    /// The account is told when the request arrives, with the same checks the vendor's route runs, so it is also set
    /// on a request that a fault answered or aborted. Only a <see cref="EmulatorFault.Delay"/> can make the two differ:
    /// the route checks again after the wait, so a JWT that expired meanwhile is refused although it is logged with
    /// its account. Result-video and <c>/files/blob</c> downloads need no credentials and always show null.
    /// </remarks>
    public string? Account { get; }

    /// <summary>Returns the method, path, query, provider, operation, call number and account (never a key).</summary>
    /// <returns>For example <c>GET /api/v1/jobs?limit=5 (vydra List #1, account default)</c>.</returns>
    public override string ToString() =>
        $"{Method} {Path}{Query} ({Provider} {Operation} #{CallNumber}{(Account is null ? string.Empty : ", account " + Account)})";
}
