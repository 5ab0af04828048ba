using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>fal's error bodies: <c>{detail}</c>, a string or FastAPI's list of <c>{loc, msg, type}</c> (HTTP 422).</summary>
internal static class FalReplies
{
    public static EmulatorReply Detail(int statusCode, string detail) =>
        EmulatorReply.FromJson(new JsonObject { ["detail"] = detail }, statusCode);

    /// <summary>A FastAPI validation error on one body field.</summary>
    public static EmulatorReply Invalid(string field, string message, string type) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject
                {
                    ["loc"] = new JsonArray("body", field),
                    ["msg"] = message,
                    ["type"] = type,
                }),
            },
            422);
}
