using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>ModelsLab's error shape <c>{status:"error", message}</c> (legacy endpoints spell it <c>messege</c>).</summary>
internal static class ModelsLabReplies
{
    public static EmulatorReply Error(string message, int statusCode = 200, bool misspeltMessageField = false) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["status"] = "error",
                [misspeltMessageField ? "messege" : "message"] = message,
            },
            statusCode);
}
