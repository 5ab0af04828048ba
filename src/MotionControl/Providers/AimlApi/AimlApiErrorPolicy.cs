using MotionControl.Http;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// AIMLAPI's error policy. AIMLAPI decides on the HTTP status; its error body
/// <c>{message, path, requestId, statusCode, timestamp}</c> gives the words and the request id.
/// </summary>
internal sealed class AimlApiErrorPolicy : IVendorErrorPolicy
{
    public static AimlApiErrorPolicy Instance { get; } = new();

    public MotionControlException Map(VendorReply reply)
    {
        var error = reply.TryRead(AimlApiJsonContext.Default.AimlApiErrorResponse);
        var kind = VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate);

        var message = error?.Message ?? error?.Error;
        if (kind is ErrorKind.RequestRejected or ErrorKind.Authentication && VendorWording.MentionsCredits(message))
        {
            // AIMLAPI documents no balance error and may answer one with 400 or 403 rather than 402: its words say what it is.
            kind = ErrorKind.InsufficientCredits;
        }

        return VendorError.Create(kind, reply, error?.StatusCode, message ?? reply.Excerpt(), error?.RequestId);
    }
}
