using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotionControl.Http;
using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// Turns a PowerTokens error reply into the SDK's exception. PowerTokens' error format is not documented [?]: it may pass
/// Kling's envelope through (<c>{code, message, request_id}</c>, mapped by Kling's code) or answer in the new-api gateway
/// style its own client handles [I] (<c>{error:{message,code}}</c> with a number or string code, <c>{error:"..."}</c>,
/// <c>{message}</c>, <c>{msg}</c>, a trailing "(request id: …)" in the text). Those map by HTTP status, except that
/// HTTP 402 or quota/balance wording means insufficient credits.
/// </summary>
internal static partial class PowerTokensErrorMapper
{
    public static MotionControlException Map(ApiResponse response, JsonElement? root)
    {
        var (code, message, requestId) = Read(root);
        if (message is not null && RequestIdSuffix().Match(message) is { Success: true } suffix)
        {
            requestId ??= suffix.Groups["id"].Value;
            message = message[..suffix.Index];
        }

        message ??= root is null ? PlainText(response) : null;
        var retryAfter = root is { } body ? RetryAfterParser.FromBody(body) : null;
        if (int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && KlingErrorMapper.Classify(number, response.Context.Operation) is not null)
        {
            return KlingErrorMapper.FromCode(response, number, message, requestId, retryAfter);
        }

        var kind = response.StatusCode == HttpStatusCode.PaymentRequired || MentionsQuota(message) || MentionsQuota(code)
            ? ErrorKind.InsufficientCredits
            : VendorError.KindFromStatus(response.StatusCode);
        return VendorError.Create(kind, response, code, message, requestId, retryAfter);
    }

    /// <summary>The code (as text), message and request id, from whichever shape the body has.</summary>
    private static (string? Code, string? Message, string? RequestId) Read(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            return (null, null, null);
        }

        var code = KlingEnvelopeReader.ReadString(body, "code");
        var message = KlingEnvelopeReader.ReadString(body, "message") ?? KlingEnvelopeReader.ReadString(body, "msg");
        var requestId = KlingEnvelopeReader.ReadString(body, "request_id");
        if (body.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                code = KlingEnvelopeReader.ReadString(error, "code") ?? KlingEnvelopeReader.ReadString(error, "type") ?? code;
                message = VendorMessageConverter.Text(error) ?? message;
            }
            else if (VendorMessageConverter.Text(error) is { Length: > 0 } text)
            {
                message = text;
            }
        }

        return (code, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), requestId);
    }

    private static bool MentionsQuota(string? text) => text is not null && QuotaWording().IsMatch(text);

    private static string? PlainText(ApiResponse response)
    {
        var text = response.Excerpt().Trim();
        return text.Length == 0 ? null : text;
    }

    // new-api appends the gateway's request id to its messages: "… (request id: 20250101xxxx)".
    [GeneratedRegex(@"\s*[(（]\s*request\s*id\s*[:：]\s*(?<id>[^)）]*?)\s*[)）]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdSuffix();

    // English and the Chinese of new-api-family gateways ("额度不足" quota, "余额不足" balance).
    [GeneratedRegex(@"quota|balance|credit|arrears|额度|余额", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotaWording();
}
