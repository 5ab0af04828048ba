using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Reads Vydra replies and turns its errors (<c>{error, code, details}</c>) into the SDK's exceptions: by Vydra's
/// <c>code</c> where it is more precise than the HTTP status, by the status otherwise.
/// </summary>
internal static class VydraErrorMapper
{
    /// <summary>Reads a successful reply as <typeparamref name="T"/>, or throws the exception its error means.</summary>
    public static WireReply<T> Read<T>(ApiResponse response, JsonTypeInfo<T> typeInfo, bool isCreate) =>
        response.IsSuccessStatusCode ? WireReply<T>.Read(response, typeInfo) : throw FromHttpError(response, isCreate);

    /// <summary>The exception an error reply means.</summary>
    public static MotionControlException FromHttpError(ApiResponse response, bool isCreate)
    {
        var error = WireReply<VydraErrorResponse>.TryRead(response, MotionControlJsonContext.Default.VydraErrorResponse);
        var kind = VendorError.OnCreate(KindFromCode(error?.Code) ?? VendorError.KindFromStatus(response.StatusCode), isCreate);

        var message = error?.Error ?? error?.Message;
        if (error?.Details is { Length: > 0 } details)
        {
            message = message is null ? details : $"{message} ({details})";
        }

        var retryAfter = error?.RetryAfter is > 0 and <= 3600 ? TimeSpan.FromSeconds(error.RetryAfter.Value) : (TimeSpan?)null;
        return VendorError.Create(kind, response, error?.Code, message ?? response.Excerpt(), retryAfter: retryAfter);
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
