using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>Kling's envelope <c>{code, message, request_id, data}</c>; errors omit <c>data</c> and use a non-2xx status.</summary>
internal static class KlingReplies
{
    public static EmulatorReply Success(VendorCall call, JsonNode data) =>
        EmulatorReply.FromJson(new JsonObject
        {
            // Real calls say "SUCCEED"; clients must not branch on it.
            ["code"] = 0,
            ["message"] = "SUCCEED",
            ["request_id"] = call.RequestId,
            ["data"] = data,
        });

    public static EmulatorReply Error(VendorCall call, int code, string? message = null, int? statusCode = null) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["code"] = code,
                ["message"] = message ?? KlingErrorCodes.DefaultMessageFor(code),
                ["request_id"] = call.RequestId,
            },
            statusCode ?? KlingErrorCodes.HttpStatusFor(code));
}
