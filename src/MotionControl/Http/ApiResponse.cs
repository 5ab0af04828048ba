using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Diagnostics;

namespace MotionControl.Http;

/// <summary>A complete vendor reply: status, the hints read from headers, and the body bytes (bounded in size).</summary>
internal sealed class ApiResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, TimeSpan? retryAfter, string? requestId, ApiContext context)
{
    private const int ExcerptLength = 300;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>The <c>Retry-After</c> header as a delay, when present.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A request id from the headers (<c>x-request-id</c> and similar), when present.</summary>
    public string? RequestIdHeader { get; } = requestId;

    public ApiContext Context { get; } = context;

    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The first characters of the body with secrets redacted, for protocol errors.</summary>
    public string Excerpt()
    {
        if (Body.IsEmpty)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(Body.Span[..Math.Min(Body.Length, ExcerptLength * 4)]);
        text = Context.Redactor.Redact(text);
        return text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
    }

    /// <summary>Reads the body as <typeparamref name="T"/>; an unreadable body becomes a <see cref="MotionControlProtocolException"/>.</summary>
    public T Read<T>(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = JsonSerializer.Deserialize(Body.Span, typeInfo);
            return value ?? throw ProtocolError("the reply was JSON null");
        }
        catch (JsonException ex)
        {
            throw ProtocolError($"the reply is not the JSON expected ({ex.Message})", ex);
        }
    }

    /// <summary>Parses the body as a JSON document, or returns <see langword="null"/> when it is not JSON (for error bodies).</summary>
    public JsonDocument? TryParse()
    {
        if (Body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public MotionControlProtocolException ProtocolError(string what, Exception? inner = null) =>
        new($"The {Context.ProviderName} {Context.Operation} reply (HTTP {(int)StatusCode}) could not be read: {Context.Redactor.Redact(what)}.", inner)
        {
            ProviderName = Context.ProviderName,
            TaskId = Context.TaskId,
            StatusCode = StatusCode,
            RequestId = RequestIdHeader,
            ResponseExcerpt = Excerpt(),
            // A garbled read is worth another try; a garbled create reply is handled as an unknown outcome by the transport.
            IsTransient = true,
        };
}

/// <summary>Who answered what: carried with a response so error mapping can name the provider, operation and task.</summary>
internal sealed record ApiContext(string ProviderName, string Operation, string? TaskId, SecretRedactor Redactor);
