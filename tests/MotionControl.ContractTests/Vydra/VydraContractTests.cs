using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Vydra;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.Vydra;

/// <summary>
/// Vydra's documented exchanges: create and job replies (https://www.vydra.ai/docs/models/kling), jobs list and cancel
/// (https://www.vydra.ai/docs/jobs), errors (https://www.vydra.ai/docs/errors).
/// </summary>
public sealed class VydraContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>The page's cURL key, so the header is the documented <c>Authorization: Bearer YOUR_API_KEY</c>.</summary>
    private const string Key = "YOUR_API_KEY";
    private const string CreatePath = "/api/v1/models/kling";
    private const string JobsPath = "/api/v1/jobs";
    private const string JobId = "550e8400-e29b-41d4-a716-446655440000";

    private static string CreateRequest => DocumentedJson.Read("vydra", "create.request.json");

    private static string CreateReply => DocumentedJson.Read("vydra", "create.response.json");

    private static string CompletedReply => DocumentedJson.Read("vydra", "completed.response.json");

    /// <summary>A job in another state: the documented completed job's shape with the jobs page's fields [inferred].</summary>
    private static string Job(string status, int progress, string? error = null) =>
        error is null
            ? $$"""{"id":"{{JobId}}","status":"{{status}}","progress":{{progress}},"statusMessage":"Generating video","creditsCharged":40,"createdAt":"2024-01-26T12:00:00.000Z"}"""
            : $$"""{"id":"{{JobId}}","status":"{{status}}","progress":{{progress}},"error":"{{error}}","creditsCharged":40,"createdAt":"2024-01-26T12:00:00.000Z","completedAt":"2024-01-26T12:01:00.000Z"}""";

    private static string JobPath => $"{JobsPath}/{JobId}";

    private static IRequestBuilder Poll() => Bearer(Get(JobPath), Key);

    private static MotionControlRequest NeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.jpg"),
        Video = MediaSource.FromUri("https://example.com/dance-reference.mp4"),
        Prompt = "A person dancing energetically in a studio",
        CharacterOrientation = CharacterOrientation.Video,
        KeepOriginalSound = true,
    };

    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_202_reply()
    {
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).RespondWith(Json(202, CreateReply));
        using var client = Clients.Vydra(BaseAddress, Key);

        var reply = await client.Api.CreateMotionControlJobAsync(new VydraMotionControlRequest
        {
            ImageUrl = "https://example.com/character.jpg",
            VideoUrl = "https://example.com/dance-reference.mp4",
            Prompt = "A person dancing energetically in a studio",
            CharacterOrientation = "video",
            KeepOriginalSound = true,
        });

        AssertAllRequestsMatched();
        Assert.Equal(JobId, reply.JobId);
        Assert.Equal("pending", reply.Status);
        Assert.Equal(40, reply.CreditsCharged);
        Assert.Equal("fal-xyz789", reply.ExternalJobId);
        Assert.Equal("Motion control job created. Poll /api/v1/jobs/{jobId} for status.", reply.Message);
    }

    /// <summary>The neutral request maps to the page's body exactly, the boolean <c>keep_original_sound</c> included.</summary>
    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_body()
    {
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).RespondWith(Json(202, CreateReply));
        using var client = Clients.Vydra(BaseAddress, Key);

        var task = await client.SubmitAsync(NeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal(JobId, task.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
        Assert.Null(task.ExternalTaskId); // externalJobId is Vydra's upstream id, not the caller's
        Assert.Equal(new MotionControlCharge { Amount = 40m, Unit = MotionControlCharge.Credits, Source = "creditsCharged" }, task.Charge);
    }

    [Fact]
    public async Task Get_typed_and_neutral_read_the_documented_completed_job()
    {
        Server.Given(Poll()).RespondWith(Json(200, CompletedReply));
        using var client = Clients.Vydra(BaseAddress, Key);

        var typed = await client.Api.GetJobAsync(JobId);
        var neutral = await client.GetTaskAsync(JobId);

        AssertAllRequestsMatched();
        Assert.Equal(new Uri("https://cdn.vydra.ai/videos/kling/org_123/output.mp4"), typed.Output?.VideoUrl);
        Assert.Equal(typed.Output?.VideoUrl, typed.VideoUrl);
        Assert.Equal(MotionControlTaskStatus.Succeeded, neutral.Status);
        var video = Assert.Single(neutral.Videos);
        Assert.Equal(new Uri("https://cdn.vydra.ai/videos/kling/org_123/output.mp4"), video.Url);
        Assert.Equal(TimeSpan.FromSeconds(15), video.Duration);
        Assert.Equal(DateTimeOffset.Parse("2024-01-26T12:00:00.000Z", System.Globalization.CultureInfo.InvariantCulture), neutral.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-01-26T12:04:00.000Z", System.Globalization.CultureInfo.InvariantCulture), neutral.UpdatedAt);
    }

    /// <summary>The jobs page's list: <c>GET /api/v1/jobs?limit&amp;offset&amp;status</c> (reply shape [inferred]).</summary>
    [Fact]
    public async Task List_typed_api_sends_limit_offset_and_status()
    {
        Server.Given(Bearer(Get(JobsPath), Key).WithParam("limit", "20").WithParam("offset", "0").WithParam("status", "completed"))
            .RespondWith(Json(200, $$"""{"jobs":[{{CompletedReply}}],"total":1,"limit":20,"offset":0}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        var page = await client.Api.ListJobsAsync(limit: 20, offset: 0, status: "completed");

        AssertQuery(SingleRequest(), "limit=20&offset=0&status=completed");
        Assert.Equal(JobId, Assert.Single(page.Data).Id);
    }

    /// <summary>The neutral list asks for Vydra's default page (20) from offset 0, without a status filter.</summary>
    [Fact]
    public async Task List_neutral_sends_the_default_page_and_stops_at_the_total()
    {
        Server.Given(Bearer(Get(JobsPath), Key).WithParam("limit", "20").WithParam("offset", "0"))
            .RespondWith(Json(200, $$"""{"jobs":[{{CompletedReply}}],"total":1,"limit":20,"offset":0}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        var tasks = await client.ListTasksAsync().ToListAsync();

        AssertQuery(SingleRequest(), "limit=20&offset=0");
        Assert.Equal(MotionControlTaskStatus.Succeeded, Assert.Single(tasks).Status);
    }

    /// <summary>The jobs page's cancel: <c>DELETE /api/v1/jobs/{id}</c> (reply shape [inferred]).</summary>
    [Fact]
    public async Task Cancel_typed_api_sends_delete_and_reads_the_cancelled_job()
    {
        Server.Given(Bearer(Delete(JobPath), Key))
            .RespondWith(Json(200, $$"""{"id":"{{JobId}}","status":"cancelled","message":"Job cancelled"}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        var job = await client.Api.CancelJobAsync(JobId);

        Assert.Empty(SingleRequest().Body ?? string.Empty);
        Assert.Equal("cancelled", job?.Status);
    }

    /// <summary>
    /// The jobs page's words (<c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c>), the model page's
    /// <c>processing</c>, and OpenClaw's <c>error</c> and <c>cancelled</c>.
    /// </summary>
    [Theory]
    [InlineData("pending", MotionControlTaskStatus.Queued)]
    [InlineData("running", MotionControlTaskStatus.Processing)]
    [InlineData("processing", MotionControlTaskStatus.Processing)]
    [InlineData("completed", MotionControlTaskStatus.Succeeded)]
    [InlineData("failed", MotionControlTaskStatus.Failed)]
    [InlineData("error", MotionControlTaskStatus.Failed)]
    [InlineData("cancelled", MotionControlTaskStatus.Canceled)]
    public async Task Status_word_maps_to_the_neutral_status(string word, MotionControlTaskStatus expected)
    {
        var reply = word == "completed" ? CompletedReply
            : expected is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? Job(word, 100, "Motion transfer failed")
            : Job(word, 35);
        Server.Given(Poll()).RespondWith(Json(200, reply));
        using var client = Clients.Vydra(BaseAddress, Key);

        var task = await client.GetTaskAsync(JobId);

        AssertAllRequestsMatched();
        Assert.Equal(expected, task.Status);
        if (expected is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled)
        {
            Assert.Equal("Motion transfer failed", task.FailureReason);
        }
    }

    /// <summary>The errors page's codes, each in its body <c>{error, code, details}</c> with its HTTP status, on a job read [inferred texts].</summary>
    [Theory]
    [InlineData("MISSING_AUTH", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("INVALID_FORMAT", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("KEY_NOT_FOUND", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("KEY_REVOKED", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("KEY_EXPIRED", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("INVALID_INPUT", 400, typeof(MotionControlRequestRejectedException))]
    [InlineData("INVALID_FILE_TYPE", 400, typeof(MotionControlRequestRejectedException))]
    [InlineData("FILE_TOO_LARGE", 400, typeof(MotionControlRequestRejectedException))]
    [InlineData("INVALID_URL", 400, typeof(MotionControlRequestRejectedException))]
    [InlineData("INSUFFICIENT_CREDITS", 402, typeof(MotionControlInsufficientCreditsException))]
    [InlineData("INSUFFICIENT_SCOPE", 403, typeof(MotionControlAuthenticationException))]
    [InlineData("NOT_FOUND", 404, typeof(MotionControlTaskNotFoundException))]
    [InlineData("MODEL_NOT_FOUND", 404, typeof(MotionControlRequestRejectedException))]
    [InlineData("JOB_NOT_FOUND", 404, typeof(MotionControlTaskNotFoundException))]
    [InlineData("RATE_LIMIT_EXCEEDED", 429, typeof(MotionControlRateLimitedException))]
    [InlineData("INTERNAL_ERROR", 500, typeof(MotionControlServerException))]
    public async Task Query_error_code_maps_to_its_exception(string code, int httpStatus, Type expected)
    {
        Server.Given(Poll()).RespondWith(Json(httpStatus, $$$"""{"error":"{{{code}}} error","code":"{{{code}}}","details":{"field":"jobId"}}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetTaskAsync(JobId));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(code, error.VendorCode);
        Assert.Equal((HttpStatusCode)httpStatus, error.StatusCode);
        Assert.StartsWith($"{code} error", error.VendorMessage, StringComparison.Ordinal);
    }

    /// <summary>The errors page's 402 example, byte for byte (no <c>code</c> field): the status decides.</summary>
    [Fact]
    public async Task Create_documented_402_example_is_insufficient_credits()
    {
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).RespondWith(Json(402, DocumentedJson.Read("vydra", "error-402.response.json")));
        using var client = Clients.Vydra(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.Equal("Insufficient credits", error.VendorMessage);
        Assert.Single(Requests);
    }

    /// <summary>The errors page's 429 example: <c>retryAfter</c> in the body is the wait (the <c>limits</c> values are [inferred]).</summary>
    [Fact]
    public async Task Create_documented_429_example_is_a_rate_limit_with_its_retry_after()
    {
        const string body = """{"error":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED","retryAfter":30,"limits":{"type":"minute","limit":10,"used":10}}""";
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).RespondWith(Json(429, body));
        using var client = Clients.Vydra(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.VendorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(Requests);
    }

    /// <summary>On a create, <c>MODEL_NOT_FOUND</c> and <c>NOT_FOUND</c> name no task: the request is rejected.</summary>
    [Theory]
    [InlineData("MODEL_NOT_FOUND")]
    [InlineData("NOT_FOUND")]
    public async Task Create_not_found_codes_are_rejections(string code)
    {
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).RespondWith(Json(404, $$"""{"error":"Model not found","code":"{{code}}"}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.Equal(code, error.VendorCode);
    }

    [Fact]
    public async Task Submit_then_wait_polls_pending_running_completed()
    {
        const string scenario = "vydra";
        Server.Given(Bearer(Post(CreatePath, CreateRequest), Key)).InScenario(scenario).WillSetStateTo("pending").RespondWith(Json(202, CreateReply));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("pending").WillSetStateTo("running").RespondWith(Json(200, Job("pending", 0)));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("running").WillSetStateTo("completed").RespondWith(Json(200, Job("running", 60)));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("completed").WillSetStateTo("completed").RespondWith(Json(200, CompletedReply));
        var progress = new List<int?>();
        using var client = Clients.Vydra(BaseAddress, Key);

        var submitted = await client.SubmitAsync(NeutralRequest());
        var done = await client.WaitForCompletionAsync(submitted.Id, Clients.FastWait with { Progress = new Progress(progress) });

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(4, Requests.Count);
        Assert.Contains(60, progress);
    }

    /// <summary>A synchronous progress sink (System.Progress posts to the thread pool, too late for the assertion).</summary>
    private sealed class Progress(List<int?> seen) : IProgress<MotionControlTask>
    {
        public void Report(MotionControlTask value)
        {
            lock (seen)
            {
                seen.Add(value.Progress);
            }
        }
    }
}
