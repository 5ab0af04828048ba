using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Kling's documented exchanges (https://app.klingai.com/global/dev/document-api/apiReference/model/motionControl):
/// create, query by task id, query by external task id, list. WireMock serves the page's example replies and matches
/// the SDK's requests exactly (method, path, query, JWT bearer, JSON body).
/// </summary>
public sealed class KlingExchangeTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>"Create Task": the page's cURL body, sent through the typed API field for field.</summary>
    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(200, KlingDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress);

        var reply = await client.Api.CreateMotionControlTaskAsync(new KlingMotionControlRequest
        {
            ModelName = "kling-v2-6",
            ImageUrl = KlingDocs.ImageUrl,
            Prompt = KlingDocs.Prompt,
            VideoUrl = KlingDocs.VideoUrl,
            KeepOriginalSound = "yes",
            CharacterOrientation = "image",
            Mode = "pro",
            CallbackUrl = string.Empty,
            ExternalTaskId = KlingDocs.ExternalTaskId,
        });

        var request = SingleRequest();
        KlingJwt.AssertValid(Header(request, "Authorization"));
        Assert.Equal(0, reply.Code);
        Assert.Equal("string", reply.Message);
        Assert.Equal("string", reply.RequestId);
        Assert.Equal("string", reply.Data.TaskId);
        Assert.Equal("string", reply.Data.TaskStatus);
        Assert.Equal("string", reply.Data.TaskInfo?.ExternalTaskId);
        Assert.Equal(1722769557708, reply.Data.CreatedAt);
        Assert.Equal(1722769557708, reply.Data.UpdatedAt);
    }

    /// <summary>
    /// The same create through the neutral client. The neutral <see cref="MotionControlRequest.CallbackUrl"/> is a
    /// <see cref="Uri"/> and cannot be the page's empty string, so the documented <c>"callback_url": ""</c> travels in
    /// <see cref="MotionControlRequest.AdditionalProperties"/>; everything else maps from the neutral fields.
    /// </summary>
    [Fact]
    public async Task Create_neutral_SubmitAsync_sends_the_documented_body()
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(200, KlingDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress);

        var task = await client.SubmitAsync(DocumentedNeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal("string", task.Id);
        Assert.Equal("string", task.VendorStatus);
        Assert.Equal(MotionControlTaskStatus.Processing, task.Status); // "string" is no status word: still running
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1722769557708), task.CreatedAt);
    }

    /// <summary>
    /// Local image bytes go as raw Base64 with no <c>data:</c> prefix ("Important: When using Base64, do NOT add any
    /// prefix like data:image/png;base64,"). The body is the documented one with <c>image_url</c> replaced [inferred].
    /// </summary>
    [Fact]
    public async Task Create_neutral_with_image_bytes_sends_raw_base64_without_a_data_prefix()
    {
        var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Media", "image.png"));
        var body = DocumentedJson.Node(KlingDocs.CreateRequest);
        body["image_url"] = Convert.ToBase64String(png);
        Server.Given(BearerJwt(Post(KlingDocs.Path, body.ToJsonString()))).RespondWith(Json(200, KlingDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress);

        await client.SubmitAsync(DocumentedNeutralRequest() with { Image = MediaSource.FromBytes(png, "image.png") });

        var sent = JsonNode.Parse(SingleRequest().Body!)!["image_url"]!.GetValue<string>();
        Assert.StartsWith("iVBORw0KGgo", sent, StringComparison.Ordinal); // the page's "Correct Base64 format" begins so
        Assert.DoesNotContain("data:", sent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The page's <c>element_list</c> fragment (<c>"element_list":[ { "element_id": 829836802793406551 } ]</c>, an id above
    /// 2^53 sent as a JSON number) and its <c>"watermark_info": { "enabled": boolean }</c>, added to the documented body
    /// with the orientation an element requires ("only temporarily refer to the orientation of the person in the video")
    /// and the model that takes elements (kling-v3; the documented body's kling-v2-6 takes none) [inferred combination].
    /// </summary>
    [Fact]
    public async Task Create_neutral_sends_the_documented_element_id_as_an_int64_number_and_the_watermark_object()
    {
        var body = DocumentedJson.Node(KlingDocs.CreateRequest);
        body["character_orientation"] = "video";
        body["model_name"] = "kling-v3";
        body["element_list"] = JsonNode.Parse("""[ { "element_id": 829836802793406551 } ]""");
        body["watermark_info"] = JsonNode.Parse("""{ "enabled": true }""");
        Server.Given(BearerJwt(Post(KlingDocs.Path, body.ToJsonString()))).RespondWith(Json(200, KlingDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress);

        await client.SubmitAsync(DocumentedNeutralRequest() with
        {
            CharacterOrientation = CharacterOrientation.Video,
            Model = "kling-v3",
            ElementId = 829836802793406551,
            Watermark = true,
        });

        Assert.Contains("\"element_id\":829836802793406551", SingleRequest().Body, StringComparison.Ordinal);
    }

    /// <summary>The list's documented ranges (pageNum 1–1000, pageSize 1–500) are enforced before anything is sent.</summary>
    [Theory]
    [InlineData(0, 30)]
    [InlineData(1001, 30)]
    [InlineData(1, 0)]
    [InlineData(1, 501)]
    public async Task List_outside_the_documented_ranges_sends_nothing(int pageNum, int pageSize)
    {
        using var client = Clients.Kling(BaseAddress);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Api.ListMotionControlTasksAsync(pageNum, pageSize));

        Assert.Empty(Requests);
    }

    /// <summary>"Query Task (Single)": <c>GET /v1/videos/motion-control/{task_id}</c>, the page's reply read through the typed API.</summary>
    [Fact]
    public async Task Get_by_task_id_typed_api_reads_the_documented_reply()
    {
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"))).RespondWith(Json(200, KlingDocs.GetReply));
        using var client = Clients.Kling(BaseAddress);

        var reply = await client.Api.GetMotionControlTaskAsync(KlingDocs.TaskId);

        AssertQuery(SingleRequest(), string.Empty);
        var task = reply.Data;
        Assert.Equal("string", task.TaskId);
        Assert.Equal("string", task.TaskStatusMessage);
        Assert.Equal("string", task.TaskInfo?.ExternalTaskId);
        var video = Assert.Single(task.TaskResult!.Videos!);
        Assert.Equal(("string", "string", "string", "string"), (video.Id, video.Url, video.WatermarkUrl, video.Duration));
        Assert.True(task.WatermarkInfo?.Enabled);
        Assert.Equal("string", task.FinalUnitDeduction);
        Assert.Equal(1722769557708, task.UpdatedAt);
    }

    /// <summary>A concrete example of the same reply (a Kling gateway's documentation), read by the neutral client.</summary>
    [Fact]
    public async Task Get_by_task_id_neutral_reads_a_concrete_succeeded_task()
    {
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/task_123456"))).RespondWith(Json(200, KlingDocs.ConcreteGetReply));
        using var client = Clients.Kling(BaseAddress);

        var task = await client.GetTaskAsync("task_123456");

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("succeed", task.VendorStatus);
        Assert.Equal("custom_id_123", task.ExternalTaskId);
        var video = Assert.Single(task.Videos);
        Assert.Equal(new Uri("https://example.com/video.mp4"), video.Url);
        Assert.Equal("vid_123", video.Id);
        Assert.Equal(TimeSpan.FromSeconds(5), video.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1722769557708).AddDays(30), video.ExpiresAt); // Kling keeps results 30 days
        Assert.Null(task.FailureReason);
    }

    /// <summary>"Choose either task_id or external_task_id for querying": the external id goes in the same path segment.</summary>
    [Fact]
    public async Task Get_by_external_task_id_puts_the_external_id_in_the_path()
    {
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.ExternalTaskId}"))).RespondWith(Json(200, KlingDocs.GetReply));
        using var client = Clients.Kling(BaseAddress);

        var reply = await client.Api.GetMotionControlTaskByExternalIdAsync(KlingDocs.ExternalTaskId);

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal("string", reply.Data.TaskInfo?.ExternalTaskId);
    }

    /// <summary>"Query Task (List)": the page's cURL is <c>?pageNum=1&amp;pageSize=30</c>.</summary>
    [Fact]
    public async Task List_typed_api_sends_the_documented_query()
    {
        Server.Given(BearerJwt(Get(KlingDocs.Path)).WithParam("pageNum", "1").WithParam("pageSize", "30")).RespondWith(Json(200, KlingDocs.ListReply));
        using var client = Clients.Kling(BaseAddress);

        var reply = await client.Api.ListMotionControlTasksAsync(pageNum: 1, pageSize: 30);

        AssertQuery(SingleRequest(), "pageNum=1&pageSize=30");
        var task = Assert.Single(reply.Data);
        Assert.Equal("string", task.TaskId);
    }

    /// <summary>The neutral list asks for Kling's default page (1, 30) and stops after a short page.</summary>
    [Fact]
    public async Task List_neutral_sends_the_documented_query_and_stops_after_a_short_page()
    {
        Server.Given(BearerJwt(Get(KlingDocs.Path)).WithParam("pageNum", "1").WithParam("pageSize", "30")).RespondWith(Json(200, KlingDocs.ListReply));
        using var client = Clients.Kling(BaseAddress);

        var tasks = await client.ListTasksAsync().ToListAsync();

        AssertQuery(SingleRequest(), "pageNum=1&pageSize=30");
        Assert.Equal("string", Assert.Single(tasks).Id);
    }

    /// <summary>Kling's single API key is sent as a plain bearer token (no JWT is signed when it is set).</summary>
    [Fact]
    public async Task Api_key_is_sent_as_a_plain_bearer_token()
    {
        Server.Given(Bearer(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"), "kling-api-key-1")).RespondWith(Json(200, KlingDocs.GetReply));
        using var client = Clients.Kling(BaseAddress, apiKey: "kling-api-key-1");

        await client.Api.GetMotionControlTaskAsync(KlingDocs.TaskId);

        Assert.Equal("Bearer kling-api-key-1", Header(SingleRequest(), "Authorization"));
    }

    /// <summary>The neutral request that maps to the page's cURL body.</summary>
    internal static MotionControlRequest DocumentedNeutralRequest() => new()
    {
        Image = MediaSource.FromUri(KlingDocs.ImageUrl),
        Video = MediaSource.FromUri(KlingDocs.VideoUrl),
        Prompt = KlingDocs.Prompt,
        Model = "kling-v2-6",
        KeepOriginalSound = true,
        CharacterOrientation = CharacterOrientation.Image,
        Mode = GenerationMode.Pro,
        ExternalTaskId = KlingDocs.ExternalTaskId,
        AdditionalProperties = new Dictionary<string, JsonNode?> { ["callback_url"] = string.Empty },
    };
}
