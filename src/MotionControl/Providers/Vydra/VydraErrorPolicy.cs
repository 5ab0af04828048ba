using MotionControl.Http;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Vydra's error policy: its errors (<c>{error, code, details}</c>) map by Vydra's <c>code</c> where it is more precise
/// than the HTTP status, by the status otherwise.
/// </summary>
internal sealed class VydraErrorPolicy : IVendorErrorPolicy
{
    public static VydraErrorPolicy Instance { get; } = new();

    public MotionControlException Map(VendorReply reply)
    {
        var error = reply.TryRead(VydraJsonContext.Default.VydraErrorResponse);
        var kind = VendorError.OnCreate(KindFromCode(error?.Code) ?? VendorError.KindFromStatus(reply.StatusCode), reply.IsCreate);

        var message = error?.Error ?? error?.Message;
        if (error?.Details is { Length: > 0 } details)
        {
            message = message is null ? details : $"{message} ({details})";
        }

        var retryAfter = error?.RetryAfter is > 0 and <= 3600 ? TimeSpan.FromSeconds(error.RetryAfter.Value) : (TimeSpan?)null;
        return VendorError.Create(kind, reply, error?.Code, message ?? reply.Excerpt(), retryAfter: retryAfter);
    }

    /// <summary>The kind Vydra's code means where the HTTP status alone could mislead; <see langword="null"/> to go by the status.</summary>
    private static ErrorKind? KindFromCode(string? code) => code?.ToUpperInvariant() switch
    {
        "MISSING_AUTH" or "KEY_NOT_FOUND" or "KEY_REVOKED" or "KEY_EXPIRED" or "INSUFFICIENT_SCOPE" => ErrorKind.Authentication,
        "INSUFFICIENT_CREDITS" => ErrorKind.InsufficientCredits,
        "RATE_LIMIT_EXCEEDED" => ErrorKind.RateLimited,
        "JOB_NOT_FOUND" or "NOT_FOUND" => ErrorKind.TaskNotFound,
        "MODEL_NOT_FOUND" or "INVALID_INPUT" or "INVALID_FILE_TYPE" or "FILE_TOO_LARGE" or "INVALID_URL" => ErrorKind.RequestRejected,
        _ => null,
    };
}
