using System.Text.RegularExpressions;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// Reads AIMLAPI replies and turns its errors into the SDK's exceptions. AIMLAPI decides on the HTTP status; its error
/// body <c>{message, path, requestId, statusCode, timestamp}</c> gives the words and the request id.
/// </summary>
internal static partial class AimlApiErrorMapper
{
    /// <summary>Reads a create reply: an HTTP error or a generation already in <c>error</c> is a refusal.</summary>
    public static WireReply<AimlApiVideoGeneration> ReadCreate(ApiResponse response)
    {
        var reply = Read(response, isCreate: true);
        var wire = reply.Value;
        if (IsError(wire.Status))
        {
            throw VendorError.Create(ErrorKind.RequestRejected, response, wire.Error?.Name, wire.Error?.Message ?? wire.Error?.Name);
        }

        return string.IsNullOrWhiteSpace(wire.Id) ? throw response.ProtocolError("the reply carries no generation id") : reply;
    }

    /// <summary>Reads a query reply; a generation in <c>error</c> is returned (it is the task's failure, not the call's).</summary>
    public static WireReply<AimlApiVideoGeneration> ReadGet(ApiResponse response)
    {
        var reply = Read(response, isCreate: false);
        if (string.Equals(reply.Value.Status, "completed", StringComparison.OrdinalIgnoreCase) && !Uri.TryCreate(reply.Value.Video?.Url, UriKind.Absolute, out _))
        {
            // Transient on purpose: a read is retried and a wait keeps polling, in case the URL is filled in a moment later.
            throw response.ProtocolError("the generation is completed but carries no video.url");
        }

        return reply;
    }

    private static bool IsError(string? status) => string.Equals(status, "error", StringComparison.OrdinalIgnoreCase);

    private static WireReply<AimlApiVideoGeneration> Read(ApiResponse response, bool isCreate) =>
        response.IsSuccessStatusCode
            ? WireReply<AimlApiVideoGeneration>.Read(response, MotionControlJsonContext.Default.AimlApiVideoGeneration)
            : throw FromHttpError(response, isCreate);

    private static MotionControlException FromHttpError(ApiResponse response, bool isCreate)
    {
        var error = WireReply<AimlApiErrorResponse>.TryRead(response, MotionControlJsonContext.Default.AimlApiErrorResponse);
        var kind = VendorError.KindFromStatus(response.StatusCode, isCreate);

        var message = error?.Message ?? error?.Error;
        if (kind is ErrorKind.RequestRejected or ErrorKind.Authentication && message is not null && CreditWording().IsMatch(message))
        {
            // AIMLAPI documents no balance error and may answer one with 400 or 403 rather than 402: its words say what it is.
            kind = ErrorKind.InsufficientCredits;
        }

        return VendorError.Create(kind, response, error?.StatusCode, message ?? response.Excerpt(), error?.RequestId);
    }

    [GeneratedRegex(@"\b(insufficient\s+(credits?|balance|funds?)|(out\s+of|no)\s+credits?|top\s*up)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditWording();
}
