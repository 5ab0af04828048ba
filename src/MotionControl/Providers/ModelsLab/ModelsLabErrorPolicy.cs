using System.Text.RegularExpressions;
using MotionControl.Http;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// ModelsLab's error policy. ModelsLab decides on <c>status</c>, not on the HTTP status alone: an error can arrive
/// inside HTTP 200, with its reason in <c>message</c> or <c>messege</c>. ModelsLab has no error codes, so the kind of a
/// refusal is read from its wording where the wording is unambiguous.
/// </summary>
internal sealed partial class ModelsLabErrorPolicy : IVendorErrorPolicy
{
    public static ModelsLabErrorPolicy Instance { get; } = new();

    /// <summary>An HTTP error, or (on a create) a <c>status:"error"</c> inside HTTP 200: ModelsLab refused the call.</summary>
    public MotionControlException Map(VendorReply reply)
    {
        var wire = reply.TryRead(ModelsLabJsonContext.Default.ModelsLabVideoResponse);
        var message = wire?.Message;
        var retryAfter = Seconds(wire?.RetryAfter);
        if (reply.IsSuccessStatusCode)
        {
            return VendorError.Create(Refine(ErrorKind.RequestRejected, message, reply.IsCreate), reply, null, message, retryAfter: retryAfter);
        }

        var kind = VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate);
        kind = kind == ErrorKind.RequestRejected ? Refine(kind, message, reply.IsCreate) : kind;
        return VendorError.Create(kind, reply, null, message ?? reply.Excerpt(), retryAfter: retryAfter);
    }

    /// <summary>
    /// A fetch whose <c>status</c> is an error: the task's own failure (<see langword="null"/>: returned, for the caller to
    /// map), unless its message says the id is unknown or the key is refused.
    /// </summary>
    /// <remarks>The wording is read with the client's secrets redacted, so a reason that echoes the key is not mistaken for a key error.</remarks>
    public static MotionControlException? FetchFailure(VendorReply reply, string? message) =>
        Refine(ErrorKind.Other, message is null ? null : reply.Context.Redactor.Redact(message), isCreate: false) is var kind && kind is ErrorKind.TaskNotFound or ErrorKind.Authentication
            ? VendorError.Create(kind, reply, null, message)
            : null;

    /// <summary>True for the words ModelsLab uses for a failed call or task.</summary>
    public static bool IsError(string? status) =>
        string.Equals(status, "error", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase);

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

        if (VendorWording.MentionsCredits(message))
        {
            return ErrorKind.InsufficientCredits;
        }

        return !isCreate && VendorWording.SaysTaskNotFound(message) ? ErrorKind.TaskNotFound : kind;
    }

    private static TimeSpan? Seconds(double? seconds) =>
        seconds is > 0 and < 3600 ? TimeSpan.FromSeconds(seconds.Value) : null;

    // "Invalid API key", "key is missing", "Unauthorized" — but not "key frames" in a generation failure.
    [GeneratedRegex(@"\b(api[\s_-]*key|(invalid|wrong|missing|incorrect|expired|revoked)\s+key|key\s+(is\s+)?(invalid|missing|required|not\s+valid|expired|revoked))\b|\bunauthori[sz]ed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyWording();
}
