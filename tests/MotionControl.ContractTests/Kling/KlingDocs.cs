using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Kling's documented examples (Fixtures/kling, sources in its SOURCES.md), and the values the tests use with them.
/// Kling's reference page: https://app.klingai.com/global/dev/document-api/apiReference/model/motionControl.
/// </summary>
internal static class KlingDocs
{
    public const string Path = "/v1/videos/motion-control";

    // The values of the page's create cURL (Create Task › cURL), field for field.
    public const string ImageUrl = "https://p2-kling.klingai.com/kcdn/cdn-kcdn112452/kling-qa-test/multi-3.ng.png";
    public const string VideoUrl = "https://p2-kling.klingai.com/kcdn/cdn-kcdn112452/kling-qa-test/dance.mp4";
    public const string Prompt = "The girl is wearing a loose gray T-shirt and denim shorts";
    public const string ExternalTaskId = "xxx";

    /// <summary>A task id in the shape of Kling's real ids (digits in a string) [inferred]: the page shows only <c>"string"</c>.</summary>
    public const string TaskId = "867283741759111202";

    public static string CreateRequest => DocumentedJson.Read("kling", "create.request.json");

    /// <summary>The page's create reply, its <c>//</c> comments stripped (placeholders kept).</summary>
    public static string CreateReply => DocumentedJson.StripComments(DocumentedJson.Read("kling", "create.response.jsonc"));

    /// <summary>The page's single-query reply, comments stripped and <c>boolean</c> → <c>true</c> (placeholders kept).</summary>
    public static string GetReply => DocumentedJson.StripComments(DocumentedJson.Read("kling", "get.response.jsonc"));

    /// <summary>The list reply (its task object completed from the single query: [inferred], see SOURCES.md).</summary>
    public static string ListReply => DocumentedJson.StripComments(DocumentedJson.Read("kling", "list.response.jsonc"));

    /// <summary>A gateway's concrete example of the same query reply (cuijinyu/new-api docs).</summary>
    public static string ConcreteGetReply => DocumentedJson.Read("kling", "get.response.new-api.json");

    /// <summary>
    /// The documented single-query reply with its placeholders filled [inferred values]: the id, a status word from
    /// the page's enum, and (when succeeded) a video URL; everything else stays as documented.
    /// </summary>
    public static string Task(string status, string? failureReason = null, string taskId = TaskId)
    {
        var reply = DocumentedJson.Node(GetReply);
        var data = reply["data"]!.AsObject();
        reply["message"] = "SUCCEED";
        data["task_id"] = taskId;
        data["task_status"] = status;
        data["task_status_msg"] = failureReason ?? string.Empty;
        data["task_info"]!["external_task_id"] = ExternalTaskId;
        var video = data["task_result"]!["videos"]![0]!.AsObject();
        video["id"] = "f0c4d2b1-video";
        video["url"] = "https://cdn.klingai.example/output.mp4";
        video["watermark_url"] = "https://cdn.klingai.example/output-watermark.mp4";
        video["duration"] = "5.0";
        if (status != "succeed")
        {
            data["task_result"] = new JsonObject { ["videos"] = new JsonArray() };
        }

        return reply.ToJsonString();
    }

    /// <summary>An error body in the shape of the page's 1303 example: <c>{code, message, request_id}</c>.</summary>
    public static string Error(int code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = "9984d27b-a408-4073-ae28-17ca6a13622d" }.ToJsonString();
}
