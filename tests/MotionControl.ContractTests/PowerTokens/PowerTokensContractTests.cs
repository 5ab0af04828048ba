using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.ContractTests.Kling;
using MotionControl.Providers.Kling;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.PowerTokens;

/// <summary>
/// PowerTokens' documented exchange (https://docs.powertokens.ai/en/zmodelVideo/kling/kling-v3-motion-control) and the
/// Kling-contract query it forwards [inferred]: create, get, status words, errors, lifecycle.
/// </summary>
public sealed class PowerTokensContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string Key = "pt-contract-key";
    private const string Path = "/kling/v1/videos/motion-control";
    private const string TaskId = "pt_mc_01J9Z6K3W8";

    private static string CreateRequest => DocumentedJson.Read("powertokens", "create.request.json");

    /// <summary>The page's example reply, byte for byte: Mintlify placeholders, <c>"code": 123</c>.</summary>
    private static string DocumentedCreateReply => DocumentedJson.Read("powertokens", "create.response.json");

    /// <summary>The page's reply with <c>code</c> 0, which the page says "indicates the task has been accepted" [inferred].</summary>
    private static string AcceptedCreateReply(string taskId = "<string>", string externalTaskId = "<string>")
    {
        var reply = DocumentedJson.Node(DocumentedCreateReply);
        reply["code"] = 0;
        reply["data"]!["task_id"] = taskId;
        reply["data"]!["task_info"]!["external_task_id"] = externalTaskId;
        return reply.ToJsonString();
    }

    private static KlingMotionControlRequest DocumentedTypedRequest() => new()
    {
        ModelName = "kling-v3",
        ImageUrl = "https://example.com/character.png",
        VideoUrl = "https://example.com/motion.mp4",
        CharacterOrientation = "video",
        Mode = "std",
    };

    /// <summary>
    /// The neutral request for the page's body. The neutral client always adds an <c>external_task_id</c> (for lost-reply
    /// recovery), so its body is the page's plus that one field [inferred].
    /// </summary>
    private static MotionControlRequest NeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.png"),
        Video = MediaSource.FromUri("https://example.com/motion.mp4"),
        CharacterOrientation = CharacterOrientation.Video,
        Mode = GenerationMode.Standard,
        ExternalTaskId = "order-42",
    };

    private static string NeutralBody()
    {
        var body = DocumentedJson.Node(CreateRequest);
        body["external_task_id"] = "order-42";
        return body.ToJsonString();
    }

    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_accepted_reply()
    {
        Server.Given(Bearer(Post(Path, CreateRequest), Key)).RespondWith(Json(200, AcceptedCreateReply()));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var reply = await client.Api.CreateMotionControlTaskAsync(DocumentedTypedRequest());

        AssertAllRequestsMatched();
        Assert.Equal("<string>", reply.Data.TaskId);
        Assert.Equal("submitted", reply.Data.TaskStatus);
        Assert.Equal("<string>", reply.Data.TaskInfo?.ExternalTaskId);
        Assert.Equal(123, reply.Data.CreatedAt);
        Assert.Equal("<string>", reply.RequestId);
    }

    /// <summary>
    /// Served byte for byte, the page's example is not an acceptance: its placeholder <c>code</c> is 123, not 0. The SDK
    /// refuses it as an error reply carrying that code, rather than returning a task nobody accepted.
    /// </summary>
    [Fact]
    public async Task Create_documented_placeholder_reply_with_code_123_is_an_error()
    {
        Server.Given(Bearer(Post(Path, CreateRequest), Key)).RespondWith(Json(200, DocumentedCreateReply));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.Api.CreateMotionControlTaskAsync(DocumentedTypedRequest()));

        AssertAllRequestsMatched();
        Assert.Equal("123", error.VendorCode);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Single(Requests);
    }

    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_body_plus_its_external_task_id()
    {
        Server.Given(Bearer(Post(Path, NeutralBody()), Key)).RespondWith(Json(200, AcceptedCreateReply(TaskId, "order-42")));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var task = await client.SubmitAsync(NeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal(TaskId, task.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
        Assert.Equal("order-42", task.ExternalTaskId);
    }

    /// <summary><c>GET /kling/v1/videos/motion-control/{task_id}</c> [inferred route], Kling's task object [inferred reply].</summary>
    [Fact]
    public async Task Get_typed_and_neutral_read_the_kling_task_object()
    {
        Server.Given(Bearer(Get($"{Path}/task_123456"), Key)).RespondWith(Json(200, KlingDocs.ConcreteGetReply));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var typed = await client.Api.GetMotionControlTaskAsync("task_123456");
        var neutral = await client.GetTaskAsync("task_123456");

        AssertAllRequestsMatched();
        Assert.All(Requests, r => AssertQuery(r.RequestMessage!, string.Empty));
        Assert.Equal("succeed", typed.Data.TaskStatus);
        Assert.Equal(MotionControlTaskStatus.Succeeded, neutral.Status);
        Assert.Equal(new Uri("https://example.com/video.mp4"), Assert.Single(neutral.Videos).Url);
    }

    /// <summary>Kling's words, and <c>success</c>, which PowerTokens' own web client also accepts [inferred].</summary>
    [Theory]
    [InlineData("submitted", MotionControlTaskStatus.Queued)]
    [InlineData("processing", MotionControlTaskStatus.Processing)]
    [InlineData("succeed", MotionControlTaskStatus.Succeeded)]
    [InlineData("success", MotionControlTaskStatus.Succeeded)]
    [InlineData("failed", MotionControlTaskStatus.Failed)]
    public async Task Status_word_maps_to_the_neutral_status(string word, MotionControlTaskStatus expected)
    {
        Server.Given(Bearer(Get($"{Path}/{TaskId}"), Key)).RespondWith(Json(200, KlingDocs.Task(word, taskId: TaskId)));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var task = await client.GetTaskAsync(TaskId);

        AssertAllRequestsMatched();
        Assert.Equal(expected, task.Status);
    }

    /// <summary>PowerTokens documents no error format [inferred rows]: Kling's envelope passed through, or the new-api gateway shape.</summary>
    [Theory]
    [InlineData("kling-1102", 429, """{"code":1102,"message":"Resource pack depleted or expired (prepaid scenario)","request_id":"r-1"}""", typeof(MotionControlInsufficientCreditsException))]
    [InlineData("kling-1201", 400, """{"code":1201,"message":"Task not found by id/external id: pt_mc_01J9Z6K3W8","request_id":"r-2"}""", typeof(MotionControlTaskNotFoundException))]
    [InlineData("gateway-401", 401, """{"error":{"message":"Invalid token (request id: 20261201000000123)","type":"new_api_error","code":"invalid_token"}}""", typeof(MotionControlAuthenticationException))]
    [InlineData("gateway-402", 402, """{"error":{"message":"user quota is not enough (request id: 20261201000000124)","type":"new_api_error","code":"insufficient_user_quota"}}""", typeof(MotionControlInsufficientCreditsException))]
    [InlineData("gateway-404", 404, """{"error":{"message":"task_not_exist","type":"new_api_error","code":"task_not_exist"}}""", typeof(MotionControlTaskNotFoundException))]
    [InlineData("gateway-429", 429, """{"error":{"message":"rate limit exceeded","type":"new_api_error","code":"rate_limit"}}""", typeof(MotionControlRateLimitedException))]
    public async Task Query_error_maps_to_its_exception(string row, int httpStatus, string body, Type expected)
    {
        Assert.NotEmpty(row);
        Server.Given(Bearer(Get($"{Path}/{TaskId}"), Key)).RespondWith(Json(httpStatus, body));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetTaskAsync(TaskId));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)httpStatus, error.StatusCode);
        if (body.Contains("request id:", StringComparison.Ordinal))
        {
            Assert.StartsWith("2026120100000012", error.RequestId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_then_wait_polls_submitted_processing_succeed()
    {
        const string scenario = "powertokens";
        Server.Given(Bearer(Post(Path, NeutralBody()), Key)).InScenario(scenario).WillSetStateTo("submitted")
            .RespondWith(Json(200, AcceptedCreateReply(TaskId, "order-42")));
        IRequestBuilder Poll() => Bearer(Get($"{Path}/{TaskId}"), Key);
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("submitted").WillSetStateTo("processing").RespondWith(Json(200, KlingDocs.Task("submitted", taskId: TaskId)));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("processing").WillSetStateTo("succeed").RespondWith(Json(200, KlingDocs.Task("processing", taskId: TaskId)));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("succeed").WillSetStateTo("succeed").RespondWith(Json(200, KlingDocs.Task("succeed", taskId: TaskId)));
        using var client = Clients.PowerTokens(BaseAddress, Key);

        var submitted = await client.SubmitAsync(NeutralRequest());
        var done = await client.WaitForCompletionAsync(submitted.Id);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(["POST", "GET", "GET", "GET"], Requests.Select(r => r.RequestMessage!.Method));
    }
}
