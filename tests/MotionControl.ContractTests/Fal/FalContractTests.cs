using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Fal;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.Fal;

/// <summary>
/// fal's documented exchanges: the queue's submit, status, result and cancel (https://docs.fal.ai/model-endpoints/queue),
/// the model's input and output (fal-js <c>types/endpoints.ts</c>), the billing (https://fal.ai/docs/platform-apis/v1/account/billing.md)
/// and the storage upload (fal-js <c>storage.ts</c>).
/// </summary>
public sealed class FalContractTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>The page's <c>$FAL_KEY</c>, as a key id and secret.</summary>
    private const string Key = "fal-key-id:fal-key-secret";
    private const string RequestId = "80e732af-660e-45cd-bd63-580e4f2a94cc";
    private const string RequestPath = "/fal-ai/kling-video/requests/" + RequestId;

    private static string Fixture(string file) => DocumentedJson.Read("fal", file);

    private static IRequestBuilder Authorized(IRequestBuilder request) => request.WithHeader("Authorization", new ExactMatcher("Key " + Key));

    private static MotionControlRequest NeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.png"),
        Video = MediaSource.FromUri("https://example.com/dance.mp4"),
        Prompt = "An african american woman dancing",
        CharacterOrientation = CharacterOrientation.Video,
        KeepOriginalSound = true,
    };

    [Fact]
    public async Task Submit_typed_api_posts_the_input_to_the_model_path_and_reads_the_documented_reply()
    {
        Server.Given(Authorized(Post("/" + FalModels.KlingV3Pro, Fixture("create.request.json")))).RespondWith(Json(200, Fixture("submit.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var reply = await client.Api.SubmitAsync(FalModels.KlingV3Pro, new FalMotionControlInput
        {
            ImageUrl = "https://example.com/character.png",
            VideoUrl = "https://example.com/dance.mp4",
            CharacterOrientation = "video",
            KeepOriginalSound = true,
            Prompt = "An african american woman dancing",
        });

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal(RequestId, reply.RequestId);
        Assert.Equal($"https://queue.fal.run/fal-ai/fast-sdxl/requests/{RequestId}/status", reply.StatusUrl);
        Assert.Equal($"https://queue.fal.run/fal-ai/fast-sdxl/requests/{RequestId}", reply.ResponseUrl);
        Assert.Equal($"https://queue.fal.run/fal-ai/fast-sdxl/requests/{RequestId}/cancel", reply.CancelUrl);
    }

    [Theory]
    [InlineData(null, null, FalModels.KlingV26Standard)]
    [InlineData("kling-v2-6", GenerationMode.Pro, FalModels.KlingV26Pro)]
    [InlineData("kling-v3", GenerationMode.Standard, FalModels.KlingV3Standard)]
    [InlineData("kling-v3", GenerationMode.Pro, FalModels.KlingV3Pro)]
    public async Task Submit_neutral_sends_the_same_body_to_the_model_and_tier_path(string? model, GenerationMode? mode, string endpoint)
    {
        Server.Given(Authorized(Post("/" + endpoint, Fixture("create.request.json")))).RespondWith(Json(200, Fixture("submit.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.SubmitAsync(NeutralRequest() with { Model = model, Mode = mode });

        AssertAllRequestsMatched();
        Assert.Equal(RequestId, task.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
        Assert.Null(task.ExternalTaskId);
        Assert.Null(task.Charge);
        Assert.Equal($"https://queue.fal.run/fal-ai/fast-sdxl/requests/{RequestId}/status", task.Raw!.Value.GetProperty("status_url").GetString());
    }

    [Fact]
    public async Task Submit_with_a_callback_sends_it_as_the_fal_webhook_query()
    {
        Server.Given(Authorized(Post("/" + FalModels.KlingV26Standard, Fixture("create.request.json"))).WithParam("fal_webhook", "https://hooks.example.com/fal"))
            .RespondWith(Json(200, Fixture("submit.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        await client.SubmitAsync(NeutralRequest() with { CallbackUrl = new Uri("https://hooks.example.com/fal") });

        AssertQuery(SingleRequest(), "fal_webhook=https%3A%2F%2Fhooks.example.com%2Ffal");
    }

    [Fact]
    public async Task Status_in_queue_is_Queued_with_its_position_read_under_the_app_id()
    {
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-in-queue.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.GetTaskAsync(RequestId);

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal(MotionControlTaskStatus.Queued, task.Status);
        Assert.Equal("IN_QUEUE", task.VendorStatus);
        Assert.Equal(0, task.QueuePosition);
    }

    [Fact]
    public async Task Status_in_progress_is_Processing_and_the_typed_status_asks_for_logs()
    {
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-in-progress.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var neutral = await client.GetTaskAsync(RequestId);
        var typed = await client.Api.GetStatusAsync(RequestId, logs: true);

        AssertAllRequestsMatched();
        AssertQuery(Requests[1].RequestMessage!, "logs=1");
        Assert.Equal(MotionControlTaskStatus.Processing, neutral.Status);
        Assert.Null(neutral.QueuePosition);
        var log = Assert.Single(typed.Logs!);
        Assert.Equal("INFO", log.Level);
        Assert.Equal("stdout", log.Source);
    }

    [Fact]
    public async Task Completed_reads_the_result_and_succeeds_with_its_video()
    {
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-completed.response.json")));
        Server.Given(Authorized(Get(RequestPath))).RespondWith(Json(200, Fixture("result.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.GetTaskAsync(RequestId);
        var typed = await client.Api.GetResultAsync(RequestId);

        AssertAllRequestsMatched();
        Assert.Equal([RequestPath + "/status", RequestPath, RequestPath], Requests.Select(r => r.RequestMessage!.Path));
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("COMPLETED", task.VendorStatus);
        Assert.Equal(new Uri("https://v3.fal.media/files/kangaroo/motion-control-output.mp4"), Assert.Single(task.Videos).Url);
        Assert.Equal("video/mp4", typed.Video!.ContentType);
        Assert.Equal(3149129, typed.Video.FileSize);
    }

    [Fact]
    public async Task A_completed_request_whose_result_is_an_error_fails_with_fals_detail()
    {
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-completed.response.json")));
        Server.Given(Authorized(Get(RequestPath))).RespondWith(Json(422, Fixture("error-422.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.GetTaskAsync(RequestId);

        Assert.Equal(MotionControlTaskStatus.Failed, task.Status);
        Assert.Equal("field required", task.FailureReason);
    }

    [Fact]
    public async Task A_validation_error_on_submit_is_rejected_with_the_fastapi_message()
    {
        Server.Given(Authorized(Request.Create().UsingPost().WithPath("/" + FalModels.KlingV26Standard))).RespondWith(Json(422, Fixture("error-422.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(NeutralRequest()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("field required", error.VendorMessage);
        Assert.Single(Requests);
    }

    [Fact]
    public async Task Cancel_accepted_puts_to_the_cancel_path_and_a_request_still_queued_reads_Canceled()
    {
        Server.Given(Authorized(Request.Create().UsingPut().WithPath(new ExactMatcher(RequestPath + "/cancel")))).RespondWith(Json(202, Fixture("cancel.response.json")));
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-in-queue.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.CancelAsync(RequestId);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Canceled, task.Status);
        Assert.Equal("CANCELLATION_REQUESTED", task.VendorStatus);
    }

    [Fact]
    public async Task Cancel_refused_after_start_returns_the_running_task_without_an_exception()
    {
        Server.Given(Authorized(Request.Create().UsingPut().WithPath(new ExactMatcher(RequestPath + "/cancel")))).RespondWith(Json(400, Fixture("cancel-already-completed.response.json")));
        Server.Given(Authorized(Get(RequestPath + "/status"))).RespondWith(Json(200, Fixture("status-in-progress.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var task = await client.CancelAsync(RequestId);
        var typed = await client.Api.CancelAsync(RequestId);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Processing, task.Status);
        Assert.Equal("IN_PROGRESS", task.VendorStatus);
        Assert.Equal(FalCancelResponse.AlreadyCompleted, typed.Status);
    }

    [Fact]
    public async Task The_balance_is_credits_current_balance_in_its_currency()
    {
        Server.Given(Authorized(Get("/v1/account/billing")).WithParam("expand", "credits")).RespondWith(Json(200, Fixture("billing.response.json")));
        using var client = Clients.Fal(BaseAddress, Key);

        var balance = await client.GetBalanceAsync();

        AssertQuery(SingleRequest(), "expand=credits");
        Assert.Equal(new MotionControlBalance { Amount = 42.5m, Unit = "USD", Source = "credits.current_balance" }, balance);
    }

    [Fact]
    public async Task A_billing_reply_without_credits_is_a_protocol_error()
    {
        Server.Given(Authorized(Get("/v1/account/billing"))).RespondWith(Json(200, """{"username":"my-team"}"""));
        using var client = Clients.Fal(BaseAddress, Key);

        await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetBalanceAsync());
    }

    [Fact]
    public async Task Upload_initiates_with_the_key_then_puts_the_bytes_without_it()
    {
        var initiate = DocumentedJson.Read("fal", "upload-initiate.response.json").Replace("https://storage.example.com/", BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Server.Given(Authorized(Post("/storage/upload/initiate", """{"content_type":"video/mp4","file_name":"dance.mp4"}""")).WithParam("storage_type", "fal-cdn-v3"))
            .RespondWith(Json(200, initiate));
        Server.Given(Request.Create().UsingPut().WithPath("/upload/abc123").WithParam("X-Goog-Signature", "sig").WithHeader("Content-Type", "video/mp4"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200));
        using var client = Clients.Fal(BaseAddress, Key);
        using var bytes = new MemoryStream([1, 2, 3, 4]);

        var url = await client.Api.UploadAsync(bytes, "dance.mp4", "video/mp4");

        AssertAllRequestsMatched();
        Assert.Equal(new Uri("https://v3.fal.media/files/b/abc123/dance.mp4"), url);
        var put = Requests[1].RequestMessage!;
        Assert.Null(Header(put, "Authorization"));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, put.BodyAsBytes);
        Assert.True(bytes.CanRead); // the caller's stream is left open
    }
}
