using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;

namespace MotionControl.ContractTests.KlingElements;

/// <summary>
/// Kling's element-management examples (Fixtures/kling-elements, sources in its SOURCES.md) and the values the tests
/// use with them. Kling's reference page: https://kling.ai/document-api/api/video/3-0-omni/elements.
/// </summary>
internal static class KlingElementsDocs
{
    public const string ApiKey = "kling-elements-contract-key";
    public const string CustomPath = "/v1/general/advanced-custom-elements";
    public const string PresetsPath = "/v1/general/advanced-presets-elements";
    public const string DeletePath = "/v1/general/delete-advanced-elements";

    /// <summary>The page's placeholder for every value of its cURL examples.</summary>
    public const string Placeholder = "xxx";

    /// <summary>
    /// "Create Multi-Image Elements": the cURL body; its bare <c>string</c> placeholder (<c>element_voice_id</c>) quoted
    /// (<see cref="DocumentedJson.QuoteStringPlaceholders"/>), nothing else changed.
    /// </summary>
    public static string CreateImageRequest => DocumentedJson.QuoteStringPlaceholders(DocumentedJson.Read("kling-elements", "create-image.request.jsonc"));

    /// <summary>"Create Video Character Elements": the cURL body, made JSON the same way.</summary>
    public static string CreateVideoRequest => DocumentedJson.QuoteStringPlaceholders(DocumentedJson.Read("kling-elements", "create-video.request.jsonc"));

    public static string CreateReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-elements", "create.response.jsonc"));

    public static string GetReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-elements", "get.response.jsonc"));

    public static string ListReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-elements", "list.response.jsonc"));

    public static string PresetsReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-elements", "presets.response.jsonc"));

    public static string DeleteReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-elements", "delete.response.jsonc"));

    /// <summary>The multi-image example as the SDK's request, field for field (the voice id is the page's placeholder, quoted).</summary>
    public static KlingElementCreateRequest ImageRequest() => new()
    {
        ElementName = Placeholder,
        ElementDescription = Placeholder,
        ReferenceType = KlingElementCreateRequest.ImageRefer,
        ElementImageList = new KlingElementImageList
        {
            FrontalImage = Placeholder,
            ReferImages = [new KlingElementReferImage { ImageUrl = Placeholder }, new KlingElementReferImage { ImageUrl = Placeholder }],
        },
        ElementVoiceId = "string",
        CallbackUrl = Placeholder,
        ExternalTaskId = string.Empty,
        TagList = [new KlingElementTag { TagId = Placeholder }],
    };

    /// <summary>The video example as the SDK's request, field for field.</summary>
    public static KlingElementCreateRequest VideoRequest() => new()
    {
        ElementName = Placeholder,
        ElementDescription = Placeholder,
        ReferenceType = KlingElementCreateRequest.VideoRefer,
        ElementVideoList = new KlingElementVideoList { ReferVideos = [new KlingElementReferVideo { VideoUrl = Placeholder }] },
        ElementVoiceId = "string",
        CallbackUrl = Placeholder,
        ExternalTaskId = string.Empty,
        TagList = [new KlingElementTag { TagId = Placeholder }],
    };

    /// <summary>The single query's reply with a real-sized element id [inferred value: ids exceed 2^53, like element_list's].</summary>
    public static string GetReplyWithElementId(long elementId)
    {
        var reply = DocumentedJson.Node(GetReply);
        reply["data"]!["task_result"]!["elements"]![0]!["element_id"] = JsonValue.Create(elementId);
        return reply.ToJsonString();
    }

    /// <summary>An error body <c>{code, message, request_id}</c> [inferred: the shape of Kling's error-code page, message made up].</summary>
    public static string Error(int code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = "3c7a9d0e-elements-contract" }.ToJsonString();
}
