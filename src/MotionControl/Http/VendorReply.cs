using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Diagnostics;

namespace MotionControl.Http;

/// <summary>
/// A complete vendor reply: status, the hints read from headers, and the body bytes (bounded in size). The one reader
/// every vendor's replies and error bodies go through: a UTF-8 byte order mark is skipped (<see cref="Json"/>), and an
/// error body that is not JSON is not an error of its own (<see cref="Root"/> is <see langword="null"/>).
/// </summary>
internal sealed class VendorReply(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, TimeSpan? retryAfter, string? requestId, VendorCallContext context)
{
    private const int ExcerptLength = 300;

    private JsonElement? _root;
    private bool _rootRead;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The body as received.</summary>
    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>The body without a leading UTF-8 byte order mark: legal before JSON text, sent by some gateways, and not skipped by the JSON reader.</summary>
    public ReadOnlyMemory<byte> Json { get; } = body.Span.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;

    /// <summary>The <c>Retry-After</c> header as a delay, when present.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A request id from the headers (<c>x-request-id</c> and similar), when present.</summary>
    public string? RequestIdHeader { get; } = requestId;

    public VendorCallContext Context { get; } = context;

    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>True for a reply to a call that may have created a task.</summary>
    public bool IsCreate => Context.Operation == VendorOperations.Create;

    /// <summary>
    /// The body as JSON, parsed once on first use (for error bodies and envelope checks); <see langword="null"/> when it
    /// is empty or not JSON (an HTML page from a proxy).
    /// </summary>
    public JsonElement? Root
    {
        get
        {
            if (!_rootRead)
            {
                _root = Parse(Json);
                _rootRead = true;
            }

            return _root;
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The first characters of the body with secrets redacted, for protocol errors.</summary>
    public string Excerpt()
    {
        if (Json.IsEmpty)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(Json.Span[..Math.Min(Json.Length, ExcerptLength * 4)]);
        text = Context.Redactor.Redact(text);
        return text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
    }

    /// <summary>The excerpt as a vendor message for a body that is not JSON; <see langword="null"/> when empty.</summary>
    public string? PlainText()
    {
        var text = Excerpt().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Reads the body as <typeparamref name="T"/>; an unreadable body becomes a <see cref="MotionControlProtocolException"/>.</summary>
    public T Read<T>(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = JsonSerializer.Deserialize(Json.Span, typeInfo);
            return value ?? throw ProtocolError("the reply was JSON null");
        }
        catch (JsonException ex)
        {
            // Not kept as the inner exception: its message quotes the body unredacted; the redacted words are in ours.
            throw ProtocolError($"the reply is not the JSON expected ({ex.Message})");
        }
    }

    /// <summary>Reads an error body leniently: <see langword="null"/> when it is not JSON of the expected shape.</summary>
    public T? TryRead<T>(JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (Json.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Json.Span, typeInfo);
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

    private static JsonElement? Parse(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json.Span);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Who answered what: carried with a reply so error mapping can name the provider, operation and task.</summary>
internal sealed record VendorCallContext(string ProviderName, string Operation, string? TaskId, SecretRedactor Redactor);
