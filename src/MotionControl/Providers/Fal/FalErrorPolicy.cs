using MotionControl.Http;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's error policy: its errors (<c>{detail}</c>, a string or FastAPI's list of <c>{loc, msg, type}</c>) map by the
/// HTTP status, except a locked account with an exhausted balance (fal answers 403 with "Exhausted balance"), which is
/// insufficient credits, not bad credentials [inferred from fal's own wording, quoted by its users].
/// </summary>
internal sealed class FalErrorPolicy : IVendorErrorPolicy
{
    public static FalErrorPolicy Instance { get; } = new();

    public MotionControlException Map(VendorReply reply)
    {
        var error = reply.TryRead(FalJsonContext.Default.FalErrorResponse);
        var message = error?.Detail ?? error?.Message ?? reply.PlainText();
        var kind = VendorError.OnCreate(KindOf(reply, message), reply.IsCreate);
        return VendorError.Create(kind, reply, error?.Status, message);
    }

    private static ErrorKind KindOf(VendorReply reply, string? message)
    {
        if (message is not null && (message.Contains("exhausted balance", StringComparison.OrdinalIgnoreCase) || message.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase)))
        {
            return ErrorKind.InsufficientCredits;
        }

        // 422 is FastAPI's validation error: the input, not the route.
        return VendorError.KindFromStatus(reply.StatusCode);
    }
}
