using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.ContractTests.Kling;

namespace MotionControl.ContractTests.Fuzzing;

// The seeds of the reply fuzzing: the documented replies of Fixtures/<vendor>/ (see each SOURCES.md), with the status the
// documentation gives. A documented example that is not JSON is made JSON by DocumentedJson's named change, as in the
// contract tests; where SOURCES.md marks a reply [inferred], the seed says so and is the one the contract tests use.

/// <summary>Kling's documented replies (also PowerTokens' query replies, which SOURCES.md takes from Kling).</summary>
internal static class KlingSeeds
{
    public static FuzzSeed Create { get; } = new("kling/create.response.jsonc, comments stripped", 200, KlingDocs.CreateReply);

    public static FuzzSeed Get { get; } = new("kling/get.response.jsonc, comments stripped, boolean -> true", 200, KlingDocs.GetReply);

    public static FuzzSeed ConcreteGet { get; } = new("kling/get.response.new-api.json", 200, KlingDocs.ConcreteGetReply);

    public static FuzzSeed List { get; } = new("kling/list.response.jsonc, comments stripped [inferred past \"videos\"]", 200, KlingDocs.ListReply);

    /// <summary>The 1303 example (HTTP 429, RL) and the 1201 shape (HTTP 400, CI) [inferred message].</summary>
    public static FuzzSeed[] Errors { get; } =
    [
        new("kling/error-1303.response.jsonc, comment stripped", 429, DocumentedJson.StripComments(DocumentedJson.Read("kling", "error-1303.response.jsonc"))),
        new("kling/error-1201.response.json", 400, DocumentedJson.Read("kling", "error-1201.response.json")),
    ];
}

/// <summary>Kling API 2.0's documented replies (Fixtures/kling-v2).</summary>
internal static class KlingV2Seeds
{
    public static FuzzSeed Create { get; } = new("kling-v2/create.response.jsonc, comments stripped", 200, KlingV2.KlingV2Docs.CreateReply);

    public static FuzzSeed Query { get; } = new("kling-v2/query.response.jsonc, comments stripped", 200, KlingV2.KlingV2Docs.QueryReply);

    public static FuzzSeed List { get; } = new("kling-v2/list.response.jsonc, comments stripped", 200, KlingV2.KlingV2Docs.ListReply);
}

internal static class PowerTokensSeeds
{
    private static string Documented => DocumentedJson.Read("powertokens", "create.response.json");

    /// <summary>The page's reply as documented (<c>code</c> 123: an error as served), and with <c>code</c> 0 [inferred].</summary>
    public static FuzzSeed[] Create { get; } =
    [
        new("powertokens/create.response.json", 200, Documented),
        new("powertokens/create.response.json with code 0 [inferred]", 200, WithCodeZero(Documented)),
    ];

    /// <summary>PowerTokens documents no error body [inferred]: Kling's codes passed through, and the new-api gateway shape.</summary>
    public static FuzzSeed[] Errors { get; } =
    [
        .. KlingSeeds.Errors,
        new("new-api gateway error [inferred, as in the PowerTokens contract tests]", 401, """{"error":{"message":"Invalid token (request id: 20261201000000123)","type":"new_api_error","code":"invalid_token"}}"""),
    ];

    private static string WithCodeZero(string json)
    {
        var reply = DocumentedJson.Node(json);
        reply["code"] = 0;
        return reply.ToJsonString();
    }
}

internal static class ModelsLabSeeds
{
    public static FuzzSeed Processing { get; } = new("modelslab/processing.response.jsonc, comment stripped", 200, DocumentedJson.StripComments(DocumentedJson.Read("modelslab", "processing.response.jsonc")));

    /// <summary>A finished fetch [inferred]: the <c>VideoResponse</c> schema's fields, as in the ModelsLab contract tests.</summary>
    public static FuzzSeed Success { get; } = new(
        "modelslab success fetch [inferred, VideoResponse schema]",
        200,
        """{"status":"success","generationTime":212.4,"id":155262350,"output":["https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"],"proxy_links":["https://cdn2.stablediffusionapi.com/video/155262350.mp4"],"meta":{"model_id":"kling-motion-control","mode":"std"}}""");

    /// <summary>ERR's examples with their HTTP status, and the two "Common Error Scenarios" inside HTTP 200 (ModelsLab's habit).</summary>
    public static FuzzSeed[] Errors { get; } =
    [
        .. new[] { 400, 401, 402, 403, 429, 500, 503 }.Select(status => new FuzzSeed($"modelslab/error-{status}.response.json", status, DocumentedJson.Read("modelslab", $"error-{status}.response.json"))),
        new("modelslab/error-invalid-model.response.json", 200, DocumentedJson.Read("modelslab", "error-invalid-model.response.json")),
        new("modelslab/error-image-url.response.json", 200, DocumentedJson.Read("modelslab", "error-image-url.response.json")),
    ];
}

internal static class AimlApiSeeds
{
    public static FuzzSeed Create { get; } = new("aimlapi/create.response.txt, Python quotes -> JSON [inferred]", 200, DocumentedJson.FromPythonRepr(DocumentedJson.Read("aimlapi", "create.response.txt")));

    public static FuzzSeed Completed { get; } = new("aimlapi/completed.response.txt, Python quotes -> JSON [inferred]", 200, DocumentedJson.FromPythonRepr(DocumentedJson.Read("aimlapi", "completed.response.txt")));

    /// <summary>ERR's example as documented (not JSON: its members lack commas), and with the commas added [inferred].</summary>
    public static FuzzSeed[] Errors { get; } =
    [
        new("aimlapi/error-429.response.txt as documented (not JSON)", 429, DocumentedJson.Read("aimlapi", "error-429.response.txt"), IsJson: false),
        new("aimlapi/error-429.response.txt, commas added [inferred]", 429, DocumentedJson.AddMissingCommas(DocumentedJson.Read("aimlapi", "error-429.response.txt"))),
    ];
}

internal static class VydraSeeds
{
    private static string CompletedText => DocumentedJson.Read("vydra", "completed.response.json");

    public static FuzzSeed Create { get; } = new("vydra/create.response.json", 202, DocumentedJson.Read("vydra", "create.response.json"));

    public static FuzzSeed Completed { get; } = new("vydra/completed.response.json", 200, CompletedText);

    /// <summary>JOBS' list page <c>{jobs, total, limit, offset}</c> holding the documented job [inferred shape].</summary>
    public static FuzzSeed List { get; } = new("vydra list page of completed.response.json [inferred shape]", 200, new JsonObject
    {
        ["jobs"] = new JsonArray(DocumentedJson.Node(CompletedText)),
        ["total"] = 1,
        ["limit"] = 20,
        ["offset"] = 0,
    }.ToJsonString());

    /// <summary>JOBS' cancel reply <c>{id, status: "cancelled", message}</c> [inferred].</summary>
    public static FuzzSeed Cancelled { get; } = new("vydra cancel reply [inferred]", 200, """{"id":"550e8400-e29b-41d4-a716-446655440000","status":"cancelled","message":"Job cancelled"}""");

    public static FuzzSeed Error402 { get; } = new("vydra/error-402.response.json", 402, DocumentedJson.Read("vydra", "error-402.response.json"));
}

/// <summary>The balance and ledger replies each vendor documents (one per balance endpoint).</summary>
internal static class BalanceSeeds
{
    public static FuzzSeed KlingCosts { get; } = new("kling-account/costs.response.jsonc, comments stripped", 200, DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "costs.response.jsonc")));

    /// <summary>The documented pack <c>online</c> [inferred], so the neutral sum reads a number too.</summary>
    public static FuzzSeed KlingCostsOnline { get; } = new("kling-account/costs.response.jsonc, pack online [inferred]", 200, KlingCosts.Text.Replace("\"expired\"", "\"online\"", StringComparison.Ordinal));

    public static FuzzSeed KlingBalanceLedger { get; } = new("kling-account/billing-balance.response.jsonc, comments stripped", 200, DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "billing-balance.response.jsonc")));

    public static FuzzSeed KlingUnitLedger { get; } = new("kling-account/billing-package.response.jsonc, comments stripped", 200, DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "billing-package.response.jsonc")));

    public static FuzzSeed ModelsLabWallet { get; } = new("modelslab/wallet-balance.response.json", 200, DocumentedJson.Read("modelslab", "wallet-balance.response.json"));

    public static FuzzSeed AimlApiBilling { get; } = new("aimlapi/billing.response.json", 200, DocumentedJson.Read("aimlapi", "billing.response.json"));

    public static FuzzSeed VydraOrganization { get; } = new("vydra/organization.response.json", 200, DocumentedJson.Read("vydra", "organization.response.json"));
}

/// <summary>Replicate's documented and recorded replies (Fixtures/replicate/SOURCES.md).</summary>
internal static class ReplicateSeeds
{
    public static FuzzSeed Create { get; } = new("replicate/create.response.json", 201, DocumentedJson.Read("replicate", "create.response.json"));

    public static FuzzSeed Get { get; } = new("replicate/get.response.json", 200, DocumentedJson.Read("replicate", "get.response.json"));

    public static FuzzSeed Canceled { get; } = new("replicate/cancel.response.json", 200, DocumentedJson.Read("replicate", "cancel.response.json"));

    /// <summary>The documented prediction object as a succeeded motion-control prediction: a video URI as output [inferred].</summary>
    public static FuzzSeed Succeeded { get; } = new("replicate get.response.json with a video output [inferred]", 200, Video(DocumentedJson.Read("replicate", "get.response.json")));

    public static FuzzSeed[] Errors { get; } =
    [
        new("replicate/error-401.response.json", 401, DocumentedJson.Read("replicate", "error-401.response.json")),
        new("replicate/error-429.response.json", 429, DocumentedJson.Read("replicate", "error-429.response.json")),
        new("replicate/error-500.response.json", 500, DocumentedJson.Read("replicate", "error-500.response.json")),
    ];

    private static string Video(string documented)
    {
        var node = DocumentedJson.Node(documented);
        node["output"] = "https://replicate.delivery/xezq/abc123/tmpout.mp4";
        return node.ToJsonString();
    }
}

/// <summary>fal's documented replies (Fixtures/fal/SOURCES.md).</summary>
internal static class FalSeeds
{
    public static FuzzSeed Submit { get; } = new("fal/submit.response.json", 200, DocumentedJson.Read("fal", "submit.response.json"));

    public static FuzzSeed InQueue { get; } = new("fal/status-in-queue.response.json", 200, DocumentedJson.Read("fal", "status-in-queue.response.json"));

    public static FuzzSeed InProgress { get; } = new("fal/status-in-progress.response.json", 200, DocumentedJson.Read("fal", "status-in-progress.response.json"));

    public static FuzzSeed Completed { get; } = new("fal/status-completed.response.json", 200, DocumentedJson.Read("fal", "status-completed.response.json"));

    public static FuzzSeed Result { get; } = new("fal/result.response.json [inferred values]", 200, DocumentedJson.Read("fal", "result.response.json"));

    public static FuzzSeed Error422 { get; } = new("fal/error-422.response.json [inferred values]", 422, DocumentedJson.Read("fal", "error-422.response.json"));
}
