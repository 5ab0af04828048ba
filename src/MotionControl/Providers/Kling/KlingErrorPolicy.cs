using System.Globalization;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's error policy: decides on Kling's business <c>code</c> rather than the HTTP status (HTTP 429 carries balance
/// errors 1100–1102 and the IP-whitelist refusal 1304 as well as rate limits). PowerTokens, which passes Kling's codes
/// through, classifies them here too.
/// </summary>
internal sealed class KlingErrorPolicy : IVendorErrorPolicy
{
    public static KlingErrorPolicy Instance { get; } = new();

    /// <summary>Kling's advice for 1303 (concurrency over the resource pack): back off, the first delay at least 1 s.</summary>
    private static readonly TimeSpan ConcurrencyFirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>Maps an error reply: by its envelope <c>code</c> when there is one, else by HTTP status.</summary>
    public MotionControlException Map(VendorReply reply)
    {
        var root = reply.Root;
        var message = KlingJsonFields.String(root, "message");
        var requestId = KlingJsonFields.String(root, "request_id");
        if (root is { } body && KlingJsonFields.Code(body) is { } code && code != 0)
        {
            return FromCode(reply, code, message, requestId, RetryAfterParser.FromBody(body));
        }

        // No envelope (a proxy's HTML page, an empty 502): the HTTP status is all there is.
        return VendorError.Create(
            VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate),
            reply,
            vendorCode: null,
            message ?? (root is null ? reply.PlainText() : null),
            requestId);
    }

    /// <summary>Builds the exception for a Kling business code.</summary>
    public static MotionControlException FromCode(VendorReply reply, int code, string? message, string? requestId, TimeSpan? bodyRetryAfter)
    {
        var (kind, transient) = Classify(code, reply.Context.Operation) ?? (VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate), null);
        var retryAfter = bodyRetryAfter ?? reply.RetryAfter;
        if (code == 1303 && retryAfter is null)
        {
            retryAfter = ConcurrencyFirstDelay;
        }

        return VendorError.Create(kind, reply, code.ToString(CultureInfo.InvariantCulture), message, requestId, retryAfter, transient);
    }

    /// <summary>
    /// What a Kling code means; <see langword="null"/> for a code Kling does not document. <paramref name="operation"/>
    /// matters for 1201, which is "task not found" on a query and an invalid parameter elsewhere.
    /// </summary>
    public static (ErrorKind Kind, bool? Transient)? Classify(int code, string operation) => code switch
    {
        // 1003 (not yet valid) and 1004 (expired) are cured by a freshly signed token: the caller invalidates it, the retry re-signs.
        1003 or 1004 => (ErrorKind.Authentication, true),
        >= 1000 and <= 1002 => (ErrorKind.Authentication, false),
        >= 1100 and <= 1102 => (ErrorKind.InsufficientCredits, false),
        1103 => (ErrorKind.Authentication, false),
        1201 when operation == VendorOperations.Get => (ErrorKind.TaskNotFound, false),
        >= 1200 and <= 1203 => (ErrorKind.RequestRejected, false),

        // 1300 is a platform policy other than content safety: the request as sent will not pass, but the input may be fine.
        1300 => (ErrorKind.RequestRejected, false),
        1301 => (ErrorKind.ContentPolicy, false),
        1302 or 1303 => (ErrorKind.RateLimited, true),

        // 1304 arrives as HTTP 429, yet waiting does not help: the caller's IP is not on the account's whitelist.
        1304 => (ErrorKind.Authentication, false),
        >= 5000 and <= 5002 => (ErrorKind.Server, true),
        _ => null,
    };
}
