using System.Net;

namespace MotionControl.Http;

/// <summary>
/// Builds the SDK's exception for a vendor's error reply, in one place for every vendor: the right kind, the vendor's
/// code, message and request id carried, the retry hint kept, and every credential redacted from the text.
/// </summary>
internal static class VendorError
{
    /// <summary>The kind an HTTP status means when the vendor's body says nothing more specific.</summary>
    public static ErrorKind KindFromStatus(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => ErrorKind.Authentication,
        402 => ErrorKind.InsufficientCredits,
        404 or 410 => ErrorKind.TaskNotFound,
        408 => ErrorKind.Server,
        429 => ErrorKind.RateLimited,
        >= 500 => ErrorKind.Server,
        >= 400 => ErrorKind.RequestRejected,
        _ => ErrorKind.Other,
    };

    /// <summary>The kind an HTTP status means on a call that is or is not a create (see <see cref="OnCreate"/>).</summary>
    public static ErrorKind KindFromStatus(HttpStatusCode status, bool isCreate) => OnCreate(KindFromStatus(status), isCreate);

    /// <summary>
    /// A create names no task, so "not found" there means a missing model or route: the request is rejected, and
    /// nothing was created.
    /// </summary>
    public static ErrorKind OnCreate(ErrorKind kind, bool isCreate) =>
        isCreate && kind == ErrorKind.TaskNotFound ? ErrorKind.RequestRejected : kind;

    /// <summary>Creates the exception for an error reply.</summary>
    /// <param name="kind">What the error means.</param>
    /// <param name="response">The reply.</param>
    /// <param name="vendorCode">The vendor's code (Kling <c>1102</c>, Vydra <c>JOB_NOT_FOUND</c>).</param>
    /// <param name="vendorMessage">The vendor's own words.</param>
    /// <param name="requestId">The vendor's request id from the body (the header's is used otherwise).</param>
    /// <param name="retryAfter">A wait hint from the body (the header's is used otherwise).</param>
    /// <param name="transient">Overrides whether the error is worth retrying (default: by kind).</param>
    public static MotionControlException Create(
        ErrorKind kind,
        VendorReply response,
        string? vendorCode,
        string? vendorMessage,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        bool? transient = null)
    {
        var context = response.Context;
        var vendorText = string.IsNullOrWhiteSpace(vendorMessage) ? null : context.Redactor.Redact(vendorMessage.Trim());
        // The vendor's code is text the vendor sent: redacted like its message (a gateway may echo what it was sent).
        vendorCode = vendorCode is null ? null : context.Redactor.Redact(vendorCode);
        var code = vendorCode is null ? string.Empty : $", code {vendorCode}";
        var said = vendorText is null ? "no reason given" : vendorText;
        var message = $"{Lead(kind, context.ProviderName)} ({context.ProviderName} {context.Operation}: HTTP {(int)response.StatusCode}{code}): {said}";
        var after = retryAfter ?? response.RetryAfter;

        var facts = new VendorReplyFacts(
            context.ProviderName,
            context.TaskId,
            response.StatusCode,
            vendorCode,
            vendorText,
            requestId ?? response.RequestIdHeader,
            transient ?? kind is ErrorKind.RateLimited or ErrorKind.Server,
            kind is ErrorKind.RateLimited or ErrorKind.Server ? after : null);

        return kind switch
        {
            ErrorKind.Authentication => new MotionControlAuthenticationException(message, facts),
            ErrorKind.InsufficientCredits => new MotionControlInsufficientCreditsException(message, facts),
            ErrorKind.RateLimited => new MotionControlRateLimitedException(message, facts),
            ErrorKind.ContentPolicy => new MotionControlContentPolicyException(message, facts),
            ErrorKind.TaskNotFound => new MotionControlTaskNotFoundException(message, facts),
            ErrorKind.RequestRejected => new MotionControlRequestRejectedException(message, facts),
            ErrorKind.Server => new MotionControlServerException(message, facts),
            _ => new MotionControlException(message, facts),
        };
    }

    private static string Lead(ErrorKind kind, string provider) => kind switch
    {
        ErrorKind.Authentication => $"{provider} refused the credentials or their permissions",
        ErrorKind.InsufficientCredits => $"The {provider} account has insufficient credits or an unpaid balance",
        ErrorKind.RateLimited => $"{provider} is rate limiting this account; retry later",
        ErrorKind.ContentPolicy => $"{provider} refused the input under its content policy",
        ErrorKind.TaskNotFound => $"{provider} does not know this task",
        ErrorKind.RequestRejected => $"{provider} rejected the request as invalid",
        ErrorKind.Server => $"{provider} failed to handle the request",
        _ => $"{provider} returned an error",
    };
}
