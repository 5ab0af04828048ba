using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotionControl.Http;
using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// PowerTokens' error policy. PowerTokens' error format is not documented: it may pass Kling's envelope through
/// (<c>{code, message, request_id}</c>, mapped by Kling's code) or answer in the new-api gateway style its own client
/// handles (<c>{error:{message,code}}</c> with a number or string code, <c>{error:"..."}</c>,
/// <c>{message}</c>, <c>{msg}</c>, a trailing "(request id: …)" in the text). Those map by HTTP status, except that
/// HTTP 402 or quota/balance wording means insufficient credits.
/// </summary>
internal sealed partial class PowerTokensErrorPolicy : IVendorErrorPolicy
{
    public static PowerTokensErrorPolicy Instance { get; } = new();

    public MotionControlException Map(VendorReply reply)
    {
        var root = reply.Root;
        var (code, message, requestId) = Read(root);
        if (message is not null && RequestIdSuffix().Match(message) is { Success: true } suffix)
        {
            requestId ??= suffix.Groups["id"].Value;
            message = message[..suffix.Index];
        }

        message ??= root is null ? reply.PlainText() : null;
        var retryAfter = root is { } body ? RetryAfterParser.FromBody(body) : null;
        if (int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && KlingErrorPolicy.Classify(number, reply.Context.Operation) is not null)
        {
            return KlingErrorPolicy.FromCode(reply, number, message, requestId, retryAfter);
        }

        var kind = reply.StatusCode == HttpStatusCode.PaymentRequired || VendorWording.MentionsCredits(message) || VendorWording.MentionsCredits(code)
            ? ErrorKind.InsufficientCredits
            : VendorError.KindFromStatus(reply.StatusCode, reply.IsCreate);
        return VendorError.Create(kind, reply, code, message, requestId, retryAfter);
    }

    /// <summary>The code (as text), message and request id, from whichever shape the body has.</summary>
    private static (string? Code, string? Message, string? RequestId) Read(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            return (null, null, null);
        }

        var code = KlingJsonFields.String(body, "code");
        var message = KlingJsonFields.String(body, "message") ?? KlingJsonFields.String(body, "msg");
        var requestId = KlingJsonFields.String(body, "request_id");
        if (body.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                code = KlingJsonFields.String(error, "code") ?? KlingJsonFields.String(error, "type") ?? code;
                message = VendorMessageConverter.Text(error) ?? message;
            }
            else if (VendorMessageConverter.Text(error) is { Length: > 0 } text)
            {
                message = text;
            }
        }

        return (code, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), requestId);
    }

    // new-api appends the gateway's request id to its messages: "… (request id: 20250101xxxx)".
    [GeneratedRegex(@"\s*[(（]\s*request\s*id\s*[:：]\s*(?<id>[^)）]*?)\s*[)）]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdSuffix();
}
