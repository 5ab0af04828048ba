using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.KlingV2;

/// <summary>
/// Kling API 2.0's documented examples (Fixtures/kling-v2, sources in its SOURCES.md) and the values the tests use with
/// them. Kling's reference page: https://kling.ai/document-api/api/video/motion-control.
/// </summary>
internal static class KlingV2Docs
{
    public const string ApiKey = "kling-v2-contract-key";
    public const string Create30Path = "/motion-control/kling-3.0";
    public const string Create26Path = "/motion-control/kling-2.6";
    public const string TasksPath = "/tasks";

    // The values of the page's create cURL, field for field.
    public const string ImageUrl = "https://p2-kling.klingai.com/kcdn/cdn-kcdn112452/kling-qa-test/35d77e27300cf5e8995704cd858d759c.png";
    public const string VideoUrl = "https://v4-kling.kechuangai.com/kcdn/cdn-kcdn112452/kling-qa-test/dance_10s.mp4";
    public const string Prompt = "The girl is wearing a loose gray T-shirt and denim shorts";
    public const string CallbackUrl = "https://xxx/callback";

    /// <summary>The task id of the page's query example.</summary>
    public const string TaskId = "893605946402811985";

    public static string CreateRequest => DocumentedJson.Read("kling-v2", "create.request.json");

    public static string CreateReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-v2", "create.response.jsonc"));

    public static string QueryReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-v2", "query.response.jsonc"));

    public static string ListRequest => DocumentedJson.Read("kling-v2", "list.request.json");

    public static string ListReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-v2", "list.response.jsonc"));

    /// <summary>The documented create body with another <c>external_task_id</c> (the page's is empty).</summary>
    public static string CreateRequestWith(string externalTaskId)
    {
        var body = DocumentedJson.Node(CreateRequest);
        body["options"]!["external_task_id"] = externalTaskId;
        return body.ToJsonString();
    }

    /// <summary>
    /// The documented query task with its placeholders filled [inferred values]: id, status word from the page's enum,
    /// external id and (when succeeded) the video output's URL and duration; the other output types stay as documented.
    /// </summary>
    public static JsonObject Task(string id, string status, string? externalId = null)
    {
        var task = DocumentedJson.Node(QueryReply)["data"]![0]!.DeepClone().AsObject();
        task["id"] = id;
        task["status"] = status;
        task["message"] = status == "failed" ? "risk control" : string.Empty;
        task["external_id"] = externalId ?? string.Empty;
        var video = task["outputs"]![0]!.AsObject();
        video["id"] = "video-" + id;
        video["url"] = $"https://cdn.klingai.example/{id}.mp4";
        video["watermark_url"] = $"https://cdn.klingai.example/{id}-wm.mp4";
        video["duration"] = "5.2";
        if (status != "succeeded")
        {
            task["outputs"] = new JsonArray();
        }

        return task;
    }

    /// <summary>A query reply holding <paramref name="tasks"/> (the page's envelope, concrete message).</summary>
    public static string QueryReplyOf(params JsonObject[] tasks) =>
        new JsonObject { ["code"] = 0, ["message"] = "SUCCEED", ["request_id"] = "req-v2", ["data"] = new JsonArray([.. tasks]) }.ToJsonString();

    /// <summary>A cursor-list reply holding <paramref name="tasks"/>.</summary>
    public static string ListReplyOf(string? nextCursor, bool hasMore, params JsonObject[] tasks) =>
        new JsonObject
        {
            ["code"] = 0,
            ["message"] = "SUCCEED",
            ["request_id"] = "req-v2-list",
            ["data"] = new JsonObject { ["result"] = new JsonArray([.. tasks]), ["count"] = tasks.Length, ["next_cursor"] = nextCursor, ["has_more"] = hasMore },
        }.ToJsonString();
}
