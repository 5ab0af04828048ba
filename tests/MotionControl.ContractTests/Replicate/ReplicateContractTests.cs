using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Replicate;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.Replicate;

/// <summary>
/// Replicate's documented exchanges: the prediction routes and the files API (https://replicate.com/docs/reference/http),
/// the model's example input (https://replicate.com/kwaivgi/kling-v2.6-motion-control/api), and replies recorded by
/// Replicate's own clients (Fixtures/replicate/SOURCES.md).
/// </summary>
public sealed class ReplicateContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>The reference's cURL variable, as a key.</summary>
    private const string Token = "r8_REPLICATE_API_TOKEN_0000000000";
    private const string CreatePath = "/v1/models/kwaivgi/kling-v2.6-motion-control/predictions";
    private const string PredictionId = "hdwst0bb05rgp0cf0p29mzk2am";
    private const string Image = "https://replicate.delivery/pbxt/OHMFuZ6vHcDd3sXoOnn5oGLBvZIq43HuAige2XeWLdBigLUs/santa.png";
    private const string Video = "https://replicate.delivery/pbxt/OHMFv2w6blsLcBTvRSEujuJnNvRNXXEmyLlXIvpMSVzG8mhN/taichi.mp4";

    private static string CreateRequest => DocumentedJson.Read("replicate", "create.request.json");

    private static string CreateReply => DocumentedJson.Read("replicate", "create.response.json");

    /// <summary>A motion-control prediction that succeeded: the documented object with a video URI as output [inferred].</summary>
    private const string Succeeded = """{"id":"hdwst0bb05rgp0cf0p29mzk2am","model":"kwaivgi/kling-v2.6-motion-control","version":"hidden","input":{},"logs":"","output":"https://replicate.delivery/xezq/abc123/tmpout.mp4","error":null,"status":"succeeded","created_at":"2024-04-22T11:15:15.329Z","started_at":"2024-04-22T11:15:16.000Z","completed_at":"2024-04-22T11:19:16.000Z","data_removed":false,"metrics":{"predict_time":240.0,"total_time":240.671},"urls":{"get":"https://api.replicate.com/v1/predictions/hdwst0bb05rgp0cf0p29mzk2am","cancel":"https://api.replicate.com/v1/predictions/hdwst0bb05rgp0cf0p29mzk2am/cancel"}}""";

    private static IRequestBuilder Create() => Bearer(Post(CreatePath, CreateRequest), Token);

    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_201_reply()
    {
        Server.Given(Create()).RespondWith(Json(201, CreateReply));
        using var client = Clients.Replicate(BaseAddress, Token);

        var created = await client.Api.CreatePredictionAsync(ReplicateClient.KlingV26Model, new ReplicatePredictionRequest
        {
            Input = new ReplicateMotionControlInput { Mode = "pro", Image = Image, Video = Video },
        });

        var request = SingleRequest();
        Assert.Null(Header(request, "Cancel-After"));
        Assert.Equal(PredictionId, created.Id);
        Assert.Equal("starting", created.Status);
        Assert.Equal("https://api.replicate.com/v1/predictions/hdwst0bb05rgp0cf0p29mzk2am", created.Urls?.Get);
        Assert.Equal("https://api.replicate.com/v1/predictions/hdwst0bb05rgp0cf0p29mzk2am/cancel", created.Urls?.Cancel);
        Assert.Equal(DateTimeOffset.Parse("2024-04-22T11:15:15.329Z", System.Globalization.CultureInfo.InvariantCulture), created.CreatedAt);
    }

    /// <summary>The neutral request maps to the documented input, plus the orientation the SDK always sends, and the changelog's <c>Cancel-After: 1m</c>.</summary>
    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_input_the_orientation_and_the_deadline()
    {
        var body = DocumentedJson.Node(CreateRequest);
        body["input"]!["character_orientation"] = "video";
        Server.Given(Bearer(Post(CreatePath, body.ToJsonString()), Token).WithHeader("Cancel-After", new ExactMatcher("1m"))).RespondWith(Json(201, CreateReply));
        using var client = Clients.Replicate(BaseAddress, Token, cancelAfter: TimeSpan.FromMinutes(1));

        var task = await client.SubmitAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(Image),
            Video = MediaSource.FromUri(Video),
            Mode = GenerationMode.Pro,
        });

        AssertAllRequestsMatched();
        Assert.Equal(PredictionId, task.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
        Assert.Equal("starting", task.VendorStatus);
        Assert.Null(task.ExternalTaskId);
        Assert.Null(task.Charge);
    }

    [Fact]
    public async Task Get_typed_api_reads_the_documented_prediction_object()
    {
        Server.Given(Bearer(Get("/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu"), Token)).RespondWith(Json(200, DocumentedJson.Read("replicate", "get.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token);

        var prediction = await client.Api.GetPredictionAsync("gm3qorzdhgbfurvjtvhg6dckhu");

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal("succeeded", prediction.Status);
        Assert.Equal("hello Alice", prediction.Output?.GetString());
        Assert.Empty(prediction.OutputUrls);
        Assert.Equal(0.012683, prediction.Metrics?.PredictTime);
        Assert.Equal("https://replicate.com/p/gm3qorzdhgbfurvjtvhg6dckhu", prediction.Urls?.Web);
        Assert.False(prediction.DataRemoved);
        Assert.Equal(DateTimeOffset.Parse("2023-09-08T16:19:34.791859Z", System.Globalization.CultureInfo.InvariantCulture), prediction.CompletedAt);
    }

    /// <summary>The documented object is another model's (text output): the neutral client wants a video and says so.</summary>
    [Fact]
    public async Task Get_neutral_refuses_a_succeeded_prediction_whose_output_is_no_video()
    {
        Server.Given(Bearer(Get("/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu"), Token)).RespondWith(Json(200, DocumentedJson.Read("replicate", "get.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token);

        var error = await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetTaskAsync("gm3qorzdhgbfurvjtvhg6dckhu"));

        Assert.Contains("no video URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_neutral_reads_a_succeeded_motion_control_prediction()
    {
        Server.Given(Bearer(Get($"/v1/predictions/{PredictionId}"), Token)).RespondWith(Json(200, Succeeded));
        using var client = Clients.Replicate(BaseAddress, Token);

        var task = await client.GetTaskAsync(PredictionId);

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var video = Assert.Single(task.Videos);
        Assert.Equal(new Uri("https://replicate.delivery/xezq/abc123/tmpout.mp4"), video.Url);
        Assert.Equal(DateTimeOffset.Parse("2024-04-22T12:19:16.000Z", System.Globalization.CultureInfo.InvariantCulture), video.ExpiresAt);
        Assert.Null(task.Charge);
        Assert.Equal(240.0, task.Raw?.GetProperty("metrics").GetProperty("predict_time").GetDouble());
    }

    [Fact]
    public async Task Cancel_typed_and_neutral_post_the_cancel_route_and_read_the_recorded_reply()
    {
        Server.Given(Bearer(Request.Create().UsingPost().WithPath(new ExactMatcher($"/v1/predictions/{PredictionId}/cancel")), Token))
            .RespondWith(Json(200, DocumentedJson.Read("replicate", "cancel.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token);

        var typed = await client.Api.CancelPredictionAsync(PredictionId);
        var neutral = await client.CancelAsync(PredictionId);

        AssertAllRequestsMatched();
        Assert.Equal(2, Requests.Count);
        Assert.Equal("canceled", typed.Status);
        Assert.Equal(0.128148, typed.Metrics?.PredictTime);
        Assert.Equal(MotionControlTaskStatus.Canceled, neutral.Status);
        Assert.Equal("The prediction was canceled.", neutral.FailureReason);
    }

    [Fact]
    public async Task Upload_posts_multipart_content_and_reads_the_recorded_file()
    {
        Server.Given(Bearer(Request.Create().UsingPost().WithPath(new ExactMatcher("/v1/files")), Token)
                .WithHeader("Content-Type", new WildcardMatcher("multipart/form-data; boundary=*")))
            .RespondWith(Json(201, DocumentedJson.Read("replicate", "file.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token);
        using var content = new MemoryStream();

        var file = await client.Api.UploadFileAsync(content, "test_fileo20o3wth.txt", "text/plain");

        var request = SingleRequest();
        Assert.Contains("name=content", request.Body, StringComparison.Ordinal);
        Assert.Contains("filename=test_fileo20o3wth.txt", request.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", request.Body, StringComparison.Ordinal);
        Assert.Equal("https://api.replicate.com/v1/files/NGZiNmY2YzQtMThhZi00ZjcyLWFhZjktODg4NTY0NWNlMDEy", file.Urls?.Get);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", file.Checksums?["sha256"]);
        Assert.Equal(0, file.Size);
        Assert.Equal(DateTimeOffset.Parse("2024-08-23T12:26:51.079Z", System.Globalization.CultureInfo.InvariantCulture), file.ExpiresAt);
    }

    [Fact]
    public async Task A_401_in_problem_details_is_an_authentication_error_with_replicates_words()
    {
        Server.Given(Get($"/v1/predictions/{PredictionId}")).RespondWith(Json(401, DocumentedJson.Read("replicate", "error-401.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token);

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.GetTaskAsync(PredictionId));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthenticated: You did not pass a valid authentication token", error.VendorMessage);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_on_a_read_after_the_hinted_delay()
    {
        Server.Given(Bearer(Get($"/v1/predictions/{PredictionId}"), Token)).InScenario("throttled").WillSetStateTo("free")
            .RespondWith(Json(429, DocumentedJson.Read("replicate", "error-429.response.json")).WithHeader("Retry-After", "1"));
        Server.Given(Bearer(Get($"/v1/predictions/{PredictionId}"), Token)).InScenario("throttled").WhenStateIs("free").RespondWith(Json(200, Succeeded));
        using var client = Clients.Replicate(BaseAddress, Token, retries: 1);

        var task = await client.GetTaskAsync(PredictionId);

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(2, Requests.Count);
    }

    [Fact]
    public async Task A_429_on_a_create_is_rate_limited_and_not_resent()
    {
        Server.Given(Create()).RespondWith(Json(429, DocumentedJson.Read("replicate", "error-429.response.json")).WithHeader("Retry-After", "1"));
        using var client = Clients.Replicate(BaseAddress, Token, retries: 2);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.Api.CreatePredictionAsync(ReplicateClient.KlingV26Model, new ReplicatePredictionRequest
        {
            Input = new ReplicateMotionControlInput { Mode = "pro", Image = Image, Video = Video },
        }));

        Assert.Equal("Too many requests", error.VendorMessage);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Single(Requests);
    }

    [Fact]
    public async Task A_500_on_a_create_is_an_unknown_outcome_never_resent()
    {
        Server.Given(Create()).RespondWith(Json(500, DocumentedJson.Read("replicate", "error-500.response.json")));
        using var client = Clients.Replicate(BaseAddress, Token, retries: 2);

        var error = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.Api.CreatePredictionAsync(ReplicateClient.KlingV26Model, new ReplicatePredictionRequest
        {
            Input = new ReplicateMotionControlInput { Mode = "pro", Image = Image, Video = Video },
        }));

        Assert.Contains("not re-sent", error.Message, StringComparison.Ordinal);
        Assert.Single(Requests);
    }
}
