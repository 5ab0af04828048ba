using System.Text.RegularExpressions;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// Reads ModelsLab replies and turns its errors into the SDK's exceptions. ModelsLab decides on <c>status</c>, not on
/// the HTTP status alone: an error can arrive inside HTTP 200, with its reason in <c>message</c> or <c>messege</c>.
/// ModelsLab has no error codes, so the kind of a refusal is read from its wording where the wording is unambiguous.
/// </summary>
internal static partial class ModelsLabErrorMapper
{
    /// <summary>Reads a create reply. Any error (HTTP or <c>status:"error"</c>) means ModelsLab refused the task: it throws.</summary>
    public static WireReply<ModelsLabVideoResponse> ReadCreate(ApiResponse response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw FromHttpError(response, isCreate: true);
        }

        var reply = WireReply<ModelsLabVideoResponse>.Read(response, MotionControlJsonContext.Default.ModelsLabVideoResponse);
        var wire = reply.Value;
        if (IsError(wire.Status))
        {
            throw VendorError.Create(Refine(ErrorKind.RequestRejected, wire.ResolveMessage(), isCreate: true), response, null, wire.ResolveMessage(), retryAfter: Seconds(wire.RetryAfter));
        }

        // Without an id the task cannot be followed, though it may exist (and be charged): an unknown outcome, not a refusal.
        return wire.ResolveId() is null ? throw response.ProtocolError("the reply carries neither an id nor a fetch_result") : reply;
    }

    /// <summary>
    /// Reads a fetch reply. An error status is the task's own failure (returned, for the caller to map) unless its
    /// message says the id is unknown (<see cref="MotionControlTaskNotFoundException"/>) or the key is refused.
    /// </summary>
    public static WireReply<ModelsLabVideoResponse> ReadFetch(ApiResponse response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw FromHttpError(response, isCreate: false);
        }

        var reply = WireReply<ModelsLabVideoResponse>.Read(response, MotionControlJsonContext.Default.ModelsLabVideoResponse);
        var wire = reply.Value;
        if (IsError(wire.Status))
        {
            var message = wire.ResolveMessage();
            var kind = Refine(ErrorKind.Other, message, isCreate: false);
            if (kind is ErrorKind.TaskNotFound or ErrorKind.Authentication)
            {
                throw VendorError.Create(kind, response, null, message);
            }
        }
        else if (string.Equals(wire.Status, "success", StringComparison.OrdinalIgnoreCase) && wire.ResolveVideoUrl() is null)
        {
            // Transient on purpose: a read is retried and a wait keeps polling, in case the links are filled in a moment later.
            throw response.ProtocolError("the task reports success but carries no output, proxy_links or future_links URL");
        }

        return reply;
    }

    /// <summary>True for the words ModelsLab uses for a failed call or task.</summary>
    private static bool IsError(string? status) =>
        string.Equals(status, "error", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase);

    private static MotionControlException FromHttpError(ApiResponse response, bool isCreate)
    {
        var wire = WireReply<ModelsLabVideoResponse>.TryRead(response, MotionControlJsonContext.Default.ModelsLabVideoResponse);
        var message = wire?.ResolveMessage();
        var kind = VendorError.KindFromStatus(response.StatusCode, isCreate);

        kind = kind == ErrorKind.RequestRejected ? Refine(kind, message, isCreate) : kind;
        return VendorError.Create(kind, response, null, message ?? response.Excerpt(), retryAfter: Seconds(wire?.RetryAfter));
    }

    /// <summary>Sharpens a generic refusal by ModelsLab's wording: a refused key, an empty balance, an unknown id.</summary>
    private static ErrorKind Refine(ErrorKind kind, string? message, bool isCreate)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return kind;
        }

        if (KeyWording().IsMatch(message))
        {
            return ErrorKind.Authentication;
        }

        if (CreditWording().IsMatch(message))
        {
            return ErrorKind.InsufficientCredits;
        }

        return !isCreate && NotFoundWording().IsMatch(message) && NotFoundSubject().IsMatch(message) ? ErrorKind.TaskNotFound : kind;
    }

    private static TimeSpan? Seconds(double? seconds) =>
        seconds is > 0 and < 3600 ? TimeSpan.FromSeconds(seconds.Value) : null;

    // "Invalid API key", "key is missing", "Unauthorized" — but not "key frames" in a generation failure.
    [GeneratedRegex(@"\b(api[\s_-]*key|(invalid|wrong|missing|incorrect|expired|revoked)\s+key|key\s+(is\s+)?(invalid|missing|required|not\s+valid|expired|revoked))\b|\bunauthori[sz]ed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyWording();

    [GeneratedRegex(@"\b(credits?|balance|insufficient\s+funds?|top[\s-]?up)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditWording();

    [GeneratedRegex(@"not\s+found|does\s*n[o']?t\s+exists?|no\s+such|\binvalid\s+(request\s+|task\s+)?id\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundWording();

    // The not-found must be about the id or request, not about something inside the task ("character not found in the image").
    [GeneratedRegex(@"\b(id|ids|request|task|job|generation|fetch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundSubject();
}
