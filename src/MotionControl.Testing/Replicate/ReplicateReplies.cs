using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>Replicate's error body: problem details <c>{title, detail, status}</c> as <c>application/problem+json</c>.</summary>
internal static class ReplicateReplies
{
    public const string ProblemContentType = "application/problem+json";

    public static EmulatorReply Problem(int statusCode, string title, string detail, JsonObject? extra = null)
    {
        var body = new JsonObject { ["title"] = title, ["detail"] = detail, ["status"] = statusCode };
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                body[name] = value?.DeepClone();
            }
        }

        return new EmulatorReply { StatusCode = statusCode, Json = body, ContentType = ProblemContentType };
    }

    /// <summary>A 422 for an input the model's schema refuses (inferred shape: the title, and the field in <c>invalid_fields</c>).</summary>
    public static EmulatorReply InvalidInput(string field, string description) =>
        Problem(422, "Input validation failed", $"- {field}: {description}", new JsonObject
        {
            ["invalid_fields"] = new JsonArray(new JsonObject { ["type"] = "invalid", ["field"] = field, ["description"] = description }),
        });

    public static EmulatorReply NotFound() => Problem(404, "Not found", "The requested resource could not be found.");
}
