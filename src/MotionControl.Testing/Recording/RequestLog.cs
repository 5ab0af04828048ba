using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>The requests the emulator received, in arrival order. Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _entries = new();
    private readonly bool _redactSecrets;
    private readonly KnownSecrets _secrets;

    /// <summary>Creates a log; with redaction on, every one of <paramref name="secrets"/> (the keys of every account) is masked wherever it occurs.</summary>
    public RequestLog(bool redactSecrets, IEnumerable<string> secrets)
    {
        _redactSecrets = redactSecrets;
        _secrets = new KnownSecrets(redactSecrets ? secrets : []);
    }

    /// <summary>Logs a request with the name of the account its credentials authenticate (or null), and returns its body as logged (redacted when redaction is on).</summary>
    public string Record(HttpRequest request, string provider, EmulatorOperation operation, int callNumber, string body, DateTimeOffset timestamp, string? account)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            string value = values.ToString();
            headers[name] = !_redactSecrets ? value
                : string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? SecretRedactor.RedactAuthorization(value)
                : _secrets.Redact(value);
        }

        string recordedBody = _secrets.Redact(_redactSecrets && provider == EmulatorProviders.ModelsLab ? SecretRedactor.RedactBodyKey(body) : body);
        _entries.Enqueue(new RecordedRequest(
            provider,
            operation,
            callNumber,
            request.Method,
            _secrets.Redact(request.Path.Value ?? "/"),
            _secrets.Redact(request.QueryString.Value ?? string.Empty),
            headers,
            recordedBody,
            timestamp,
            account));
        return recordedBody;
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. _entries];

    public void Clear() => _entries.Clear();
}
