using MotionControl.Http;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// Replicate's error policy: problem details (<c>{title, detail, status}</c>) map by the HTTP status (401 credentials,
/// 402 credit, 404 an unknown prediction, 422 an input the model refused, 429 throttled with <c>Retry-After</c>, 5xx);
/// the message is <c>detail</c>, with <c>title</c> before it when both say something.
/// </summary>
internal sealed class ReplicateErrorPolicy : IVendorErrorPolicy
{
    public static ReplicateErrorPolicy Instance { get; } = new();

    public MotionControlException Map(VendorReply reply)
    {
        var error = reply.TryRead(ReplicateJsonContext.Default.ReplicateErrorResponse);
        var kind = VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate);
        var title = string.IsNullOrWhiteSpace(error?.Title) ? null : error.Title.Trim();
        var detail = string.IsNullOrWhiteSpace(error?.Detail) ? null : error.Detail.Trim();
        var message = (title, detail) switch
        {
            (null, null) => reply.PlainText(),
            (null, _) => detail,
            (_, null) => title,
            _ when detail!.StartsWith(title!, StringComparison.OrdinalIgnoreCase) => detail,
            _ => $"{title}: {detail}",
        };

        return VendorError.Create(kind, reply, vendorCode: null, message);
    }
}
