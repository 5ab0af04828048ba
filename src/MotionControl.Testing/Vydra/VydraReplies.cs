using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>Vydra's error body <c>{error, code, details}</c>.</summary>
internal static class VydraReplies
{
    public static EmulatorReply Error(int statusCode, string code, string message, JsonObject? details = null)
    {
        var body = new JsonObject { ["error"] = message, ["code"] = code };
        if (details is not null)
        {
            body["details"] = details;
        }

        return EmulatorReply.FromJson(body, statusCode);
    }

    public static EmulatorReply InvalidInput(string field, string message, string code = "INVALID_INPUT") =>
        Error(400, code, message, new JsonObject { ["field"] = field });
}
