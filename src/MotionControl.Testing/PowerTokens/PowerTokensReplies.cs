using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>
/// Errors raised by the PowerTokens gateway itself (not forwarded from Kling). (unconfirmed) PowerTokens documents none; its
/// own web client parses the new-api/one-api family's <c>{"error":{"message","type","code"}}</c> and strips a
/// "(request id: …)" suffix, so that is the shape emulated here.
/// </summary>
internal static class PowerTokensReplies
{
    public static EmulatorReply GatewayError(VendorCall call, int statusCode, string message, string type, string code) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = $"{message} (request id: {call.RequestId})",
                    ["type"] = type,
                    ["code"] = code,
                },
            },
            statusCode);
}
