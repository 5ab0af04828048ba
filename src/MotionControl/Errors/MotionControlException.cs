using System.Net;

namespace MotionControl;

/// <summary>
/// The base of every error the SDK raises for a vendor's answer or a local rule. Carries the vendor's identifiers so a
/// support request can quote them. Messages never contain keys, secrets or tokens.
/// </summary>
public class MotionControlException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, in a sentence a user can act on.</param>
    public MotionControlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MotionControlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a vendor's error reply, with every fact set once, at construction.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="facts">What the vendor's reply said.</param>
    internal MotionControlException(string message, VendorReplyFacts facts)
        : base(message)
    {
        _providerName = facts.ProviderName;
        _taskId = facts.TaskId;
        _statusCode = facts.StatusCode;
        _vendorCode = facts.VendorCode;
        _vendorMessage = facts.VendorMessage;
        _requestId = facts.RequestId;
        _isTransient = facts.IsTransient;
        _retryAfter = facts.RetryAfter;
    }

    private readonly string? _providerName;
    private readonly string? _taskId;
    private readonly string? _requestId;
    private readonly HttpStatusCode? _statusCode;
    private readonly string? _vendorCode;
    private readonly string? _vendorMessage;
    private readonly bool _isTransient;
    private readonly TimeSpan? _retryAfter;

    /// <summary>The provider that answered (see <see cref="MotionControlProviders"/>), when known.</summary>
    public string? ProviderName { get => _providerName; init => _providerName = value; }

    /// <summary>The task concerned, when known.</summary>
    public string? TaskId { get => _taskId; init => _taskId = value; }

    /// <summary>The vendor's request id (Kling <c>request_id</c>, AIMLAPI <c>requestId</c>), for support.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>The HTTP status of the vendor's reply, when there was one.</summary>
    public HttpStatusCode? StatusCode { get => _statusCode; init => _statusCode = value; }

    /// <summary>The vendor's own error code (Kling <c>1102</c>, Vydra <c>RATE_LIMIT_EXCEEDED</c>), when given.</summary>
    public string? VendorCode { get => _vendorCode; init => _vendorCode = value; }

    /// <summary>The vendor's own error message, as received (redacted of secrets).</summary>
    public string? VendorMessage { get => _vendorMessage; init => _vendorMessage = value; }

    /// <summary>True when the same call may succeed if retried later (rate limits, 5xx, Kling 5000–5002).</summary>
    public bool IsTransient { get => _isTransient; init => _isTransient = value; }

    /// <summary>
    /// How long the vendor asked to wait before trying again (its <c>Retry-After</c> header, or a wait it gave in the
    /// body), when it said; set on rate limits and server errors. Retries and waits honour it.
    /// </summary>
    public TimeSpan? RetryAfter { get => _retryAfter; init => _retryAfter = value; }
}

/// <summary>What a vendor's error reply said, for the exception built from it.</summary>
internal readonly record struct VendorReplyFacts(
    string ProviderName,
    string? TaskId,
    HttpStatusCode StatusCode,
    string? VendorCode,
    string? VendorMessage,
    string? RequestId,
    bool IsTransient,
    TimeSpan? RetryAfter);
