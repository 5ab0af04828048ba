using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.AimlApi;
using MotionControl.Validation;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.AimlApi;

/// <summary>
/// AIMLAPI's documented exchanges (https://docs.aimlapi.com/api-references/video-models/kling-ai/video-v2.6-pro-motion-control;
/// its OpenAPI file https://github.com/aimlapi/api-docs/blob/main/docs/api-references/video-models/Kling-AI/video-v2-6-pro-motion-control.json)
/// and errors (https://docs.aimlapi.com/errors-and-messages/general-info and its 4xx/5xx subpages).
/// </summary>
public sealed class AimlApiContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>The page's own placeholder key, so the header is the documented <c>Authorization: Bearer &lt;YOUR_AIMLAPI_KEY&gt;</c>.</summary>
    private const string Key = "<YOUR_AIMLAPI_KEY>";
    private const string Path = "/v2/video/generations";
    private const string Id = "NVOeetazzu2Xlca6ghTMx";
    private const string ImageUrl = "https://cdn.aimlapi.com/flamingo/files/b/0a875302/8NaxQrQxDNHppHtqcchMm.png";
    private const string VideoUrl = "https://cdn.aimlapi.com/flamingo/files/b/0a8752bc/2xrNS217ngQ3wzXqA7LXr_output.mp4";

    private static string CreateRequest => DocumentedJson.Read("aimlapi", "create.request.json");

    /// <summary>The page's "Response" output, printed by Python; served as JSON [inferred quoting].</summary>
    private static string CreateReply => DocumentedJson.FromPythonRepr(DocumentedJson.Read("aimlapi", "create.response.txt"));

    private static string CompletedReply => DocumentedJson.FromPythonRepr(DocumentedJson.Read("aimlapi", "completed.response.txt"));

    private static string DocumentedVideoUrl => DocumentedJson.Node(CompletedReply)["video"]!["url"]!.GetValue<string>();

    private static IRequestBuilder Poll() => Bearer(Get(Path), Key).WithParam("generation_id", Id);

    /// <summary>
    /// The neutral client always sends <c>character_orientation</c> (the SDK's default, <c>video</c>, differs from
    /// AIMLAPI's, <c>image</c>), so the neutral body is the page's plus <c>"character_orientation": "image"</c>, the value
    /// the page's body means by leaving it out [inferred].
    /// </summary>
    private static string NeutralBody()
    {
        var body = DocumentedJson.Node(CreateRequest);
        body["character_orientation"] = "image";
        return body.ToJsonString();
    }

    private static MotionControlRequest NeutralRequest() => new()
    {
        Image = MediaSource.FromUri(ImageUrl),
        Video = MediaSource.FromUri(VideoUrl),
        CharacterOrientation = CharacterOrientation.Image,
    };

    private static string Error(int status, string message) =>
        $$"""{"message":"{{message}}","path":"/v2/video/generations","requestId":"798b860e-98c2-4e8e-8c50-550bcfc2eccc","statusCode":"{{status}}","timestamp":"2025-03-11T07:13:27.813Z"}""";

    /// <summary>
    /// AIMLAPI's v3 model (https://github.com/aimlapi/api-docs/blob/main/docs/api-references/video-models/Kling-AI/klingai-video-v3-motion-control-schema.json):
    /// the same body with <c>model</c> <c>klingai/video-v3-motion-control</c> and its <c>mode</c> (<c>std</c>/<c>pro</c>).
    /// <c>Mode = Pro</c> is sent as <c>"mode": "pro"</c>; the schema gives no request example, so the values are the v2.6 page's [inferred].
    /// </summary>
    [Fact]
    public async Task Create_neutral_on_the_v3_model_sends_the_mode()
    {
        var body = DocumentedJson.Node(NeutralBody());
        body["model"] = AimlApiClient.KlingV3Model;
        body["mode"] = "pro";
        Server.Given(Bearer(Post(Path, body.ToJsonString()), Key)).RespondWith(Json(200, V3Reply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var task = await client.SubmitAsync(NeutralRequest() with { Model = AimlApiClient.KlingV3Model, Mode = GenerationMode.Pro });

        AssertAllRequestsMatched();
        Assert.Equal(("60ac7c34-3224-4b14-8e7d-0aa0db708325", MotionControlTaskStatus.Succeeded), (task.Id, task.Status));
        Assert.Equal(new Uri("https://cdn.aimlapi.com/generations/hedgehog/1759866285599-0cdfb138-c03a-49d4-a601-4f6413e27b15.mp4"), Assert.Single(task.Videos).Url);

        // The v3 schema reports dollars beside credits: the charge is the dollars.
        Assert.Equal(new MotionControlCharge { Amount = 0.06m, Unit = MotionControlCharge.Usd, Source = "meta.usage.usd_spent" }, task.Charge);
    }

    /// <summary>The same request on the v2.6 model (the default) fails validation naming the rule and the model that has a mode; nothing is sent.</summary>
    [Fact]
    public async Task Mode_on_the_v2_6_model_fails_validation_naming_the_rule_and_the_v3_model()
    {
        using var client = Clients.AimlApi(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlValidationException>(() => client.SubmitAsync(NeutralRequest() with { Mode = GenerationMode.Pro }));

        var broken = Assert.Single(error.Errors);
        Assert.Equal((MotionControlRules.OptionUnsupported, "Mode"), (broken.Code, broken.Field));
        Assert.Contains(AimlApiClient.DefaultModel, broken.Message, StringComparison.Ordinal);
        Assert.Contains(AimlApiClient.KlingV3Model, broken.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    /// <summary>The v3 schema's 200 reply, from its field examples (id, status, video.url, meta.usage) [inferred assembly].</summary>
    private const string V3Reply = """{"id":"60ac7c34-3224-4b14-8e7d-0aa0db708325","status":"completed","video":{"url":"https://cdn.aimlapi.com/generations/hedgehog/1759866285599-0cdfb138-c03a-49d4-a601-4f6413e27b15.mp4"},"error":null,"meta":{"usage":{"credits_used":120000,"usd_spent":0.06}}}""";

    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(Path, CreateRequest), Key)).RespondWith(Json(200, CreateReply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var reply = await client.Api.CreateVideoGenerationAsync(new AimlApiVideoGenerationRequest { ImageUrl = ImageUrl, VideoUrl = VideoUrl });

        AssertAllRequestsMatched();
        Assert.Equal(Id, reply.Id);
        Assert.Equal("queued", reply.Status);
    }

    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_body_plus_its_orientation()
    {
        Server.Given(Bearer(Post(Path, NeutralBody()), Key)).RespondWith(Json(200, CreateReply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var task = await client.SubmitAsync(NeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal(Id, task.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
    }

    /// <summary><c>keep_audio</c> is a boolean ("You can disable this behavior by setting the keep_audio parameter to false").</summary>
    [Fact]
    public async Task Create_neutral_sends_keep_audio_as_a_boolean()
    {
        var body = DocumentedJson.Node(NeutralBody());
        body["keep_audio"] = false;
        Server.Given(Bearer(Post(Path, body.ToJsonString()), Key)).RespondWith(Json(200, CreateReply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        await client.SubmitAsync(NeutralRequest() with { KeepOriginalSound = false });

        AssertAllRequestsMatched();
    }

    /// <summary>"Retrieve the generated video": <c>GET /v2/video/generations?generation_id=…</c>.</summary>
    [Fact]
    public async Task Get_typed_and_neutral_send_generation_id_and_read_the_completed_reply()
    {
        Server.Given(Poll()).RespondWith(Json(200, CompletedReply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var typed = await client.Api.GetVideoGenerationAsync(Id);
        var neutral = await client.GetTaskAsync(Id);

        AssertAllRequestsMatched();
        Assert.All(Requests, r => AssertQuery(r.RequestMessage!, $"generation_id={Id}"));
        Assert.Equal("completed", typed.Status);
        Assert.Equal(DocumentedVideoUrl, typed.Video?.Url);
        Assert.Equal(MotionControlTaskStatus.Succeeded, neutral.Status);
        Assert.Equal(new Uri(DocumentedVideoUrl), Assert.Single(neutral.Videos).Url);
    }

    /// <summary>The schema's enum (<c>queued</c>, <c>generating</c>, <c>completed</c>, <c>error</c>) and the JavaScript sample's <c>waiting</c>.</summary>
    [Theory]
    [InlineData("""{"id":"NVOeetazzu2Xlca6ghTMx","status":"queued"}""", MotionControlTaskStatus.Queued)]
    [InlineData("""{"id":"NVOeetazzu2Xlca6ghTMx","status":"waiting"}""", MotionControlTaskStatus.Queued)]
    [InlineData("""{"id":"NVOeetazzu2Xlca6ghTMx","status":"generating"}""", MotionControlTaskStatus.Processing)]
    [InlineData("""{"id":"NVOeetazzu2Xlca6ghTMx","status":"completed","video":{"url":"https://cdn.aimlapi.com/generations/hedgehog/1759866285599-0cdfb138-c03a-49d4-a601-4f6413e27b15.mp4"},"meta":{"usage":{"credits_used":120000}}}""", MotionControlTaskStatus.Succeeded)]
    [InlineData("""{"id":"NVOeetazzu2Xlca6ghTMx","status":"error","video":null,"error":{"name":"GenerationError","message":"The generation failed"}}""", MotionControlTaskStatus.Failed)]
    public async Task Status_word_maps_to_the_neutral_status(string reply, MotionControlTaskStatus expected)
    {
        Server.Given(Poll()).RespondWith(Json(200, reply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var task = await client.GetTaskAsync(Id);

        AssertAllRequestsMatched();
        Assert.Equal(expected, task.Status);
        if (expected == MotionControlTaskStatus.Failed)
        {
            Assert.Equal("The generation failed", task.FailureReason);
        }
    }

    /// <summary>
    /// The error-structure example, byte for byte, has no commas between its members: not JSON. The HTTP status must
    /// still decide (429: rate limited).
    /// </summary>
    [Fact]
    public async Task Documented_error_example_as_printed_is_still_a_rate_limit()
    {
        Server.Given(Poll()).RespondWith(Json(429, DocumentedJson.Read("aimlapi", "error-429.response.txt")));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.GetTaskAsync(Id));

        AssertAllRequestsMatched();
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    /// <summary>The same example with its commas restored [inferred]: the request id and the string <c>statusCode</c> are kept.</summary>
    [Fact]
    public async Task Documented_error_example_with_commas_keeps_request_id_and_status_code()
    {
        Server.Given(Poll()).RespondWith(Json(429, DocumentedJson.AddMissingCommas(DocumentedJson.Read("aimlapi", "error-429.response.txt"))));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.GetTaskAsync(Id));

        AssertAllRequestsMatched();
        Assert.Equal("798b860e-98c2-4e8e-8c50-550bcfc2eccc", error.RequestId);
        Assert.Equal("429", error.VendorCode);
        Assert.StartsWith("Free-tier limit:", error.VendorMessage, StringComparison.Ordinal);
    }

    /// <summary>The 4xx/5xx pages' "most frequently received messages", in the documented error structure [inferred bodies].</summary>
    [Theory]
    [InlineData(400, "Body validation error!", typeof(MotionControlRequestRejectedException))]
    [InlineData(401, "This request requires a valid API key. You can create a new API key on the Billing page: https://aimlapi.com/app/keys", typeof(MotionControlAuthenticationException))]
    [InlineData(403, "You've run out of credits. Please top up your balance or update your payment method to continue: https://aimlapi.com/app/billing/", typeof(MotionControlInsufficientCreditsException))]
    [InlineData(404, "Not Found", typeof(MotionControlTaskNotFoundException))]
    [InlineData(429, "Too Many Requests", typeof(MotionControlRateLimitedException))]
    [InlineData(500, "Internal server error", typeof(MotionControlServerException))]
    [InlineData(500, "Something wrong with the server. Please, try again later.", typeof(MotionControlServerException))]
    [InlineData(503, "Service unavailable", typeof(MotionControlServerException))]
    [InlineData(504, "Generation timeout", typeof(MotionControlServerException))]
    public async Task Query_error_maps_to_its_exception(int httpStatus, string message, Type expected)
    {
        Server.Given(Poll()).RespondWith(Json(httpStatus, Error(httpStatus, message)));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetTaskAsync(Id));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(message, error.VendorMessage);
        Assert.Equal("798b860e-98c2-4e8e-8c50-550bcfc2eccc", error.RequestId);
        Assert.Equal((HttpStatusCode)httpStatus, error.StatusCode);
    }

    /// <summary>On a create, "not found" names no task (a missing model or route): rejected, like the other 4xx.</summary>
    [Theory]
    [InlineData(400, "Body validation error!", typeof(MotionControlRequestRejectedException))]
    [InlineData(403, "You've run out of credits. Please top up your balance or update your payment method to continue: https://aimlapi.com/app/billing/", typeof(MotionControlInsufficientCreditsException))]
    [InlineData(404, "Not Found", typeof(MotionControlRequestRejectedException))]
    public async Task Create_error_maps_to_its_exception(int httpStatus, string message, Type expected)
    {
        Server.Given(Bearer(Post(Path, NeutralBody()), Key)).RespondWith(Json(httpStatus, Error(httpStatus, message)));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(NeutralRequest()));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Single(Requests);
    }

    /// <summary>The page's printed run: queued, then generating, then completed.</summary>
    [Fact]
    public async Task Submit_then_wait_polls_queued_generating_completed()
    {
        const string scenario = "aimlapi";
        Server.Given(Bearer(Post(Path, NeutralBody()), Key)).InScenario(scenario).WillSetStateTo("queued").RespondWith(Json(200, CreateReply));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("queued").WillSetStateTo("generating").RespondWith(Json(200, CreateReply));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("generating").WillSetStateTo("completed")
            .RespondWith(Json(200, """{"id":"NVOeetazzu2Xlca6ghTMx","status":"generating"}"""));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("completed").WillSetStateTo("completed").RespondWith(Json(200, CompletedReply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var submitted = await client.SubmitAsync(NeutralRequest());
        var done = await client.WaitForCompletionAsync(submitted.Id);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(new Uri(DocumentedVideoUrl), Assert.Single(done.Videos).Url);
        Assert.Equal(4, Requests.Count);
    }
}
