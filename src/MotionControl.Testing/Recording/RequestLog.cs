using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>The requests the emulator received, in arrival order. Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _entries = new();
    private readonly bool _redactSecrets;

    public RequestLog(bool redactSecrets)
    {
        _redactSecrets = redactSecrets;
    }

    /// <summary>Logs a request and returns its body as logged (redacted when redaction is on).</summary>
    public string Record(HttpRequest request, string provider, EmulatorOperation operation, int callNumber, string body, DateTimeOffset timestamp)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            string value = values.ToString();
            headers[name] = _redactSecrets && string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
                ? SecretRedactor.RedactAuthorization(value)
                : value;
        }

        string recordedBody = _redactSecrets && provider == EmulatorProviders.ModelsLab ? SecretRedactor.RedactBodyKey(body) : body;
        _entries.Enqueue(new RecordedRequest(
            provider,
            operation,
            callNumber,
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            headers,
            recordedBody,
            timestamp));
        return recordedBody;
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. _entries];

    public void Clear() => _entries.Clear();
}
