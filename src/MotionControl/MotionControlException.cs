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

    private string? _providerName;
    private string? _taskId;
    private string? _requestId;
    private HttpStatusCode? _statusCode;
    private string? _vendorCode;
    private string? _vendorMessage;
    private bool _isTransient;

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

    /// <summary>Sets what the SDK knows about the vendor reply; used once, right after construction.</summary>
    internal MotionControlException WithReply(string providerName, string? taskId, HttpStatusCode statusCode, string? vendorCode, string? vendorMessage, string? requestId, bool isTransient)
    {
        _providerName = providerName;
        _taskId = taskId;
        _statusCode = statusCode;
        _vendorCode = vendorCode;
        _vendorMessage = vendorMessage;
        _requestId = requestId;
        _isTransient = isTransient;
        return this;
    }
}
