using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.ModelsLab;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.ModelsLab;

/// <summary>
/// ModelsLab's documented exchanges: create (https://modelslab.com/models/klingai/kling-motion-control/api,
/// "Integration Examples"), fetch (https://docs.modelslab.com/video-api/fetch-video, "Body"), replies and errors
/// (https://docs.modelslab.com/error-codes). The key travels in the JSON body, never in a header.
/// </summary>
public sealed class ModelsLabContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string CreatePath = "/api/v7/video-fusion/motion-control";
    private const string CreateKey = "YOUR_API_KEY";
    private const string FetchKey = "your_api_key";
    private const string DocumentedId = "abc123-def456";

    private const string Prompt = "make this image accurately animate to the video";
    private const string InitImage = "https://assets.modelslab.com/generations/8d4def68-7edd-449c-b5ce-2ba4a5108f43.jpg";
    private const string InitVideo = "https://assets.modelslab.com/generations/5c570825-d8dc-421c-876d-e0ce3ee6b7bc.mov";

    private static string CreateRequest => DocumentedJson.Read("modelslab", "create.request.json");

    private static string FetchRequest => DocumentedJson.Read("modelslab", "fetch.request.json");

    /// <summary>error-codes › "Processing Status vs Errors", its comment line stripped.</summary>
    private static string ProcessingReply => DocumentedJson.StripComments(DocumentedJson.Read("modelslab", "processing.response.jsonc"));

    private static string FetchPath(string id) => $"/api/v7/video-fusion/fetch/{id}";

    private static string ErrorBody(string name) => DocumentedJson.Read("modelslab", $"error-{name}.response.json");

    /// <summary>A finished fetch reply [inferred]: the fields of ModelsLab's <c>VideoResponse</c> schema, numeric id.</summary>
    private const string SuccessReply = """
        {"status":"success","generationTime":212.4,"id":155262350,"output":["https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"],"proxy_links":["https://cdn2.stablediffusionapi.com/video/155262350.mp4"],"meta":{"model_id":"kling-motion-control","mode":"std"}}
        """;

    private static MotionControlRequest NeutralRequest() => new()
    {
        Image = MediaSource.FromUri(InitImage),
        Video = MediaSource.FromUri(InitVideo),
        Prompt = Prompt,
        CharacterOrientation = CharacterOrientation.Image,
        Mode = GenerationMode.Standard,
    };

    private static IRequestBuilder Create() => Post(CreatePath, CreateRequest);

    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_with_the_key_inside()
    {
        Server.Given(Create()).RespondWith(Json(200, ProcessingReply));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var reply = await client.Api.CreateMotionControlTaskAsync(new ModelsLabMotionControlRequest
        {
            ModelId = "kling-motion-control",
            InitImage = InitImage,
            InitVideo = InitVideo,
            Prompt = Prompt,
            CharacterOrientation = "image",
            Mode = "std",
        });

        Assert.Null(Header(SingleRequest(), "Authorization"));
        Assert.Equal("processing", reply.Status);
        Assert.Equal(DocumentedId, reply.Id);
        Assert.Equal(30, reply.Eta);
        Assert.Equal("Your request is being processed", reply.Message);
    }

    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_body()
    {
        Server.Given(Create()).RespondWith(Json(200, ProcessingReply));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var task = await client.SubmitAsync(NeutralRequest());

        Assert.Null(Header(SingleRequest(), "Authorization"));
        Assert.Equal(DocumentedId, task.Id);
        Assert.Equal(MotionControlTaskStatus.Processing, task.Status);
        Assert.NotNull(task.EstimatedCompletion); // from eta 30
    }

    /// <summary>
    /// The id is a number in the v6 schema and a string elsewhere (both accepted); a reply with only <c>fetch_result</c>
    /// names the task by that URL's last segment [inferred reply; the fetch URL form is a real client fixture's].
    /// </summary>
    [Theory]
    [InlineData("""{"status":"processing","id":155262350,"eta":30,"fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/155262350"}""")]
    [InlineData("""{"status":"processing","id":"155262350","eta":30}""")]
    [InlineData("""{"status":"processing","eta":30,"fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/155262350","future_links":["https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"]}""")]
    public async Task Create_reply_id_as_number_string_or_fetch_result(string reply)
    {
        Server.Given(Create()).RespondWith(Json(200, reply));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var task = await client.SubmitAsync(NeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal("155262350", task.Id);
    }

    /// <summary>The fetch: a POST to the task's path whose body is the documented <c>{"key": …}</c>.</summary>
    [Fact]
    public async Task Fetch_typed_api_posts_the_documented_key_body()
    {
        Server.Given(Post(FetchPath(DocumentedId), FetchRequest)).RespondWith(Json(200, ProcessingReply));
        using var client = Clients.ModelsLab(BaseAddress, FetchKey);

        var reply = await client.Api.FetchMotionControlTaskAsync(DocumentedId);

        Assert.Null(Header(SingleRequest(), "Authorization"));
        Assert.Equal("processing", reply.Status);
    }

    [Fact]
    public async Task Fetch_neutral_reads_a_success_reply_output_first()
    {
        Server.Given(Post(FetchPath("155262350"), FetchRequest)).RespondWith(Json(200, SuccessReply));
        using var client = Clients.ModelsLab(BaseAddress, FetchKey);

        var task = await client.GetTaskAsync("155262350");

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(new Uri("https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"), Assert.Single(task.Videos).Url);
    }

    /// <summary>
    /// ModelsLab's status words: <c>processing</c>, <c>success</c>, <c>error</c> (VideoResponse), <c>failed</c> (webhooks
    /// page), and <c>queued</c>, which some clients see [inferred].
    /// </summary>
    [Theory]
    [InlineData("""{"status":"processing","id":155262350,"eta":12}""", MotionControlTaskStatus.Processing)]
    [InlineData("""{"status":"queued","id":155262350}""", MotionControlTaskStatus.Queued)]
    [InlineData("""{"status":"success","id":155262350,"output":["https://cdn2.stablediffusionapi.com/video/155262350.mp4"]}""", MotionControlTaskStatus.Succeeded)]
    [InlineData("""{"status":"error","id":155262350,"message":"Video generation failed"}""", MotionControlTaskStatus.Failed)]
    [InlineData("""{"status":"failed","id":155262350,"message":"Video generation failed"}""", MotionControlTaskStatus.Failed)]
    public async Task Status_word_maps_to_the_neutral_status(string reply, MotionControlTaskStatus expected)
    {
        Server.Given(Post(FetchPath("155262350"), FetchRequest)).RespondWith(Json(200, reply));
        using var client = Clients.ModelsLab(BaseAddress, FetchKey);

        var task = await client.GetTaskAsync("155262350");

        AssertAllRequestsMatched();
        Assert.Equal(expected, task.Status);
        if (expected == MotionControlTaskStatus.Failed)
        {
            Assert.Equal("Video generation failed", task.FailureReason);
        }
    }

    /// <summary>error-codes › "HTTP Status Codes": each documented status with its documented example body, on a create.</summary>
    [Theory]
    [InlineData("400", 400, typeof(MotionControlRequestRejectedException))]
    [InlineData("401", 401, typeof(MotionControlAuthenticationException))]
    [InlineData("402", 402, typeof(MotionControlInsufficientCreditsException))]
    [InlineData("403", 403, typeof(MotionControlAuthenticationException))]
    [InlineData("429", 429, typeof(MotionControlRateLimitedException))]
    [InlineData("500", 500, typeof(MotionControlSubmissionOutcomeUnknownException))]
    [InlineData("503", 503, typeof(MotionControlSubmissionOutcomeUnknownException))]
    public async Task Create_http_error_maps_to_its_exception(string example, int httpStatus, Type expected)
    {
        Server.Given(Create()).RespondWith(Json(httpStatus, ErrorBody(example)));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.Single(Requests); // a create is never re-sent blindly
        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)httpStatus, error.StatusCode);
        var said = DocumentedJson.Node(ErrorBody(example))["message"]!.GetValue<string>();
        Assert.Equal(said, (error.InnerException as MotionControlException ?? error).VendorMessage);
        if (httpStatus == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter); // "retry_after": 30
        }
    }

    /// <summary>The same documented bodies inside HTTP 200: ModelsLab's <c>status:"error"</c> decides, the words sharpen the kind.</summary>
    [Theory]
    [InlineData("400", typeof(MotionControlRequestRejectedException))]
    [InlineData("401", typeof(MotionControlAuthenticationException))]
    [InlineData("402", typeof(MotionControlInsufficientCreditsException))]
    [InlineData("invalid-model", typeof(MotionControlRequestRejectedException))]
    [InlineData("image-url", typeof(MotionControlRequestRejectedException))]
    public async Task Create_status_error_inside_http_200_maps_to_its_exception(string example, Type expected)
    {
        Server.Given(Create()).RespondWith(Json(200, ErrorBody(example)));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(DocumentedJson.Node(ErrorBody(example))["message"]!.GetValue<string>(), error.VendorMessage);
    }

    /// <summary>"Some legacy endpoints may return <c>messege</c> instead of <c>message</c>": the misspelt field is read too.</summary>
    [Theory]
    [InlineData("401", typeof(MotionControlAuthenticationException))]
    [InlineData("402", typeof(MotionControlInsufficientCreditsException))]
    public async Task Create_error_with_the_messege_spelling_is_read(string example, Type expected)
    {
        var misspelt = ErrorBody(example).Replace("\"message\"", "\"messege\"", StringComparison.Ordinal); // [inferred] ERR's note applied to ERR's example
        Server.Given(Create()).RespondWith(Json(200, misspelt));
        using var client = Clients.ModelsLab(BaseAddress, CreateKey);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(DocumentedJson.Node(misspelt)["messege"]!.GetValue<string>(), error.VendorMessage);
    }

    /// <summary>Fetch errors: the schema's 404 "Video not found", and a 5xx on a read (retryable, no unknown outcome).</summary>
    [Theory]
    [InlineData(404, """{"status":"error","message":"Video not found"}""", typeof(MotionControlTaskNotFoundException))]
    [InlineData(200, """{"status":"error","message":"Request id not found"}""", typeof(MotionControlTaskNotFoundException))]
    [InlineData(200, """{"status":"error","message":"Invalid API key"}""", typeof(MotionControlAuthenticationException))]
    [InlineData(500, """{"status":"error","message":"Internal server error. Please try again."}""", typeof(MotionControlServerException))]
    public async Task Fetch_error_maps_to_its_exception(int httpStatus, string body, Type expected)
    {
        Server.Given(Post(FetchPath("155262350"), FetchRequest)).RespondWith(Json(httpStatus, body));
        using var client = Clients.ModelsLab(BaseAddress, FetchKey);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetTaskAsync("155262350"));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
    }

    [Fact]
    public async Task Submit_then_wait_polls_processing_then_success()
    {
        // One key for both calls: the create body is the documented one with the fetch page's key [inferred].
        var create = DocumentedJson.Node(CreateRequest);
        create["key"] = FetchKey;
        const string scenario = "modelslab";
        Server.Given(Post(CreatePath, create.ToJsonString())).InScenario(scenario).WillSetStateTo("processing")
            .RespondWith(Json(200, """{"status":"processing","id":155262350,"eta":30,"fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/155262350"}"""));
        IRequestBuilder Fetch() => Post(FetchPath("155262350"), FetchRequest);
        Server.Given(Fetch()).InScenario(scenario).WhenStateIs("processing").WillSetStateTo("success")
            .RespondWith(Json(200, """{"status":"processing","id":155262350,"eta":10}"""));
        Server.Given(Fetch()).InScenario(scenario).WhenStateIs("success").WillSetStateTo("success").RespondWith(Json(200, SuccessReply));
        using var client = Clients.ModelsLab(BaseAddress, FetchKey);

        var submitted = await client.SubmitAsync(NeutralRequest());
        var done = await client.WaitForCompletionAsync(submitted.Id);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(3, Requests.Count);
    }
}
