using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;
using WireMock.ResponseBuilders;

namespace MotionControl.ContractTests.KlingV2;

/// <summary>
/// Kling API 2.0's documented exchanges (https://kling.ai/document-api/api/video/motion-control): create on both model
/// paths, query by task id and by external id, the cursor list. WireMock serves the page's example replies and matches the
/// SDK's requests exactly (method, path, query, API-key bearer, JSON body).
/// </summary>
public sealed class KlingV2ExchangeTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>"Create Task › Request Example": the page's body through the typed API, and the page's reply read back.</summary>
    [Fact]
    public async Task Create_typed_api_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(KlingV2Docs.Create30Path, KlingV2Docs.CreateRequest), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.CreateReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var reply = await client.Api.CreateMotionControlTaskV2Async("kling-3.0", new KlingV2MotionControlRequest
        {
            Contents = [KlingV2Content.Prompt(KlingV2Docs.Prompt), KlingV2Content.Image(KlingV2Docs.ImageUrl), KlingV2Content.Video(KlingV2Docs.VideoUrl)],
            Settings = new KlingV2Settings { CharacterOrientation = "video", Resolution = "1080p", Audio = "original" },
            Options = new KlingV2TaskOptions { CallbackUrl = KlingV2Docs.CallbackUrl, ExternalTaskId = string.Empty },
        });

        AssertAllRequestsMatched();
        Assert.Equal(0, reply.Code);
        Assert.Equal("string", reply.RequestId);
        Assert.Equal(("string", "string", "string"), (reply.Data.Id, reply.Data.Status, reply.Data.ExternalId));
        Assert.Equal((1781080778802L, 1781080794151L), (reply.Data.CreateTime, reply.Data.UpdateTime));
    }

    /// <summary>
    /// The same create through the neutral client: <c>Mode</c> Pro is <c>resolution</c> 1080p, <c>KeepOriginalSound</c> is
    /// <c>audio</c> original, the legacy model name <c>kling-v3</c> picks the <c>kling-3.0</c> path, and the request's
    /// external id goes in <c>options.external_task_id</c> (the page's is empty: the SDK always sends one).
    /// </summary>
    [Fact]
    public async Task Create_neutral_maps_to_the_documented_body_on_the_model_path()
    {
        Server.Given(Bearer(Post(KlingV2Docs.Create30Path, KlingV2Docs.CreateRequestWith("mc-contract-1")), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.CreateReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var task = await client.SubmitAsync(DocumentedNeutralRequest() with { Model = "kling-v3" });

        AssertAllRequestsMatched();
        Assert.Equal("string", task.Id);
        Assert.Equal(MotionControlTaskStatus.Processing, task.Status); // "string" is no status word: still running
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1781080778802), task.CreatedAt);
    }

    /// <summary>The 2.6 path ("Motion Control 2.6" tab): the default model, <c>Mode</c> Standard as 720p, sound off [inferred values].</summary>
    [Fact]
    public async Task Create_neutral_on_the_default_model_uses_the_2_6_path()
    {
        var body = DocumentedJson.Node(KlingV2Docs.CreateRequestWith("mc-contract-2"));
        body["settings"] = JsonNode.Parse("""{ "character_orientation": "image", "resolution": "720p", "audio": "off" }""");
        Server.Given(Bearer(Post(KlingV2Docs.Create26Path, body.ToJsonString()), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.CreateReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        await client.SubmitAsync(DocumentedNeutralRequest() with
        {
            Model = null,
            ExternalTaskId = "mc-contract-2",
            CharacterOrientation = CharacterOrientation.Image,
            Mode = GenerationMode.Standard,
            KeepOriginalSound = false,
        });

        AssertAllRequestsMatched();
    }

    /// <summary>"Query Task (By task ID)": <c>GET /tasks?task_ids=</c>, the page's reply read through the typed API.</summary>
    [Fact]
    public async Task Query_by_task_id_typed_api_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", KlingV2Docs.TaskId), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.QueryReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var reply = await client.Api.GetTasksV2Async([KlingV2Docs.TaskId]);

        AssertQuery(SingleRequest(), "task_ids=" + KlingV2Docs.TaskId);
        var task = Assert.Single(reply.Data);
        Assert.Equal(KlingV2Docs.TaskId, task.Id);
        Assert.Equal(5, task.Outputs!.Count); // video, image, audio, voice, element: every type the page lists is read
        Assert.Equal(("video", "string", "string", "string"), (task.Outputs[0].Type, task.Outputs[0].Url, task.Outputs[0].WatermarkUrl, task.Outputs[0].Duration));
        var charge = Assert.Single(task.Billing!);
        Assert.Equal(("string", "string", "string", "string", "string", "string"), (charge.ChargeType, charge.CashType, charge.Amount, charge.Currency, charge.PackageType, charge.ListPrice));
    }

    /// <summary>The neutral read of a succeeded task: only the video output becomes a <see cref="GeneratedVideo"/>.</summary>
    [Fact]
    public async Task Query_neutral_reads_the_video_output_and_the_succeeded_word()
    {
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", "t-1"), KlingV2Docs.ApiKey))
            .RespondWith(Json(200, KlingV2Docs.QueryReplyOf(KlingV2Docs.Task("t-1", "succeeded", "ext-1"))));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var task = await client.GetTaskAsync("t-1");

        AssertAllRequestsMatched();
        Assert.Equal((MotionControlTaskStatus.Succeeded, "succeeded", "ext-1"), (task.Status, task.VendorStatus, task.ExternalTaskId));
        var video = Assert.Single(task.Videos);
        Assert.Equal((new Uri("https://cdn.klingai.example/t-1.mp4"), "video-t-1", TimeSpan.FromSeconds(5.2)), (video.Url, video.Id, video.Duration));
        Assert.Equal(new Uri("https://cdn.klingai.example/t-1-wm.mp4"), video.WatermarkUrl);

        // "generated results will be cleared after 30 days": counted from the task's last update.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1781080794151).AddDays(30), video.ExpiresAt);
        Assert.Equal("t-1", task.Raw!.Value.GetProperty("id").GetString());
    }

    /// <summary>
    /// The task's <c>billing[]</c> in the page's shape with values filled [inferred values]: two cash items in CNY are one
    /// charge (amounts and list prices added up); the documented example's <c>"string"</c> placeholders are no charge.
    /// </summary>
    [Fact]
    public async Task Billing_becomes_the_task_s_charge()
    {
        var billed = KlingV2Docs.Task("t-cash", "succeeded");
        billed["billing"] = JsonNode.Parse("""
            [ { "charge_type": "cash", "cash_type": "balance", "amount": "1.20", "currency": "CNY", "list_price": "1.50" },
              { "charge_type": "cash", "cash_type": "test_balance", "amount": "0.30", "currency": "CNY", "list_price": "0.50" } ]
            """);
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", "t-cash"), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.QueryReplyOf(billed)));
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", KlingV2Docs.TaskId), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.QueryReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var task = await client.GetTaskAsync("t-cash");
        var documented = await client.GetTaskAsync(KlingV2Docs.TaskId);

        Assert.Equal(new MotionControlCharge { Amount = 1.50m, Unit = MotionControlCharge.Cny, ListPrice = 2.00m, Source = "billing" }, task.Charge);
        Assert.Null(documented.Charge);
    }

    /// <summary>A batch reply holding a null or a task without an id is a protocol error, never a task with no id [inferred shapes].</summary>
    [Theory]
    [InlineData("[null]")]
    [InlineData("""[{"status":"succeeded"}]""")]
    [InlineData("""[{"id":"","status":"succeeded"}]""")]
    public async Task A_batch_item_without_an_id_is_a_protocol_error(string data)
    {
        var body = $$"""{"code":0,"message":"SUCCEED","request_id":"req-v2","data":{{data}}}""";
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", "t-1", "t-2"), KlingV2Docs.ApiKey)).RespondWith(Json(200, body));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var error = await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetTasksAsync(["t-1", "t-2"]));

        Assert.Contains("no id", error.Message, StringComparison.Ordinal);
    }

    /// <summary>On 2.0 the model is the path: a model it does not have is refused before anything is sent, never swapped.</summary>
    [Fact]
    public async Task A_model_API_2_0_does_not_have_is_refused_before_anything_is_sent()
    {
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SubmitAsync(DocumentedNeutralRequest() with { Model = "kling-v2-5-turbo" }));

        Assert.Contains("kling-v2-5-turbo", error.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    /// <summary>An id Kling does not know is simply absent (HTTP 200, <c>data: []</c>): the single read says "not found".</summary>
    [Fact]
    public async Task Query_neutral_of_an_unknown_id_is_not_found()
    {
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("task_ids", "nope"), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.QueryReplyOf()));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var error = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => client.GetTaskAsync("nope"));

        Assert.Equal("nope", error.TaskId);
    }

    /// <summary>
    /// Batch status of 45 ids costs 3 requests (20 + 20 + 5, Kling's cap [inferred]); the 3 ids Kling does not know come back
    /// absent, the others in the order asked.
    /// </summary>
    [Fact]
    public async Task Batch_status_of_45_ids_costs_3_requests_and_unknown_ids_are_absent()
    {
        var unknown = new HashSet<string> { "id-7", "id-23", "id-44" };
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath), KlingV2Docs.ApiKey)).RespondWith(Response.Create().WithCallback(request =>
        {
            // WireMock splits a comma-separated value into several; the raw query is checked below.
            var ids = request.Query!["task_ids"].SelectMany(value => value.Split(',')).ToArray();

            // Kling's order need not be ours: answer in reverse.
            var tasks = ids.Where(id => !unknown.Contains(id)).Reverse().Select(id => KlingV2Docs.Task(id, "processing")).ToArray();
            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                BodyData = new WireMock.Util.BodyData { BodyAsString = KlingV2Docs.QueryReplyOf(tasks), DetectedBodyType = WireMock.Types.BodyType.String },
            };
        }));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);
        var asked = Enumerable.Range(0, 45).Select(i => $"id-{i}").ToList();

        var tasks = await client.GetTasksAsync(asked);

        AssertAllRequestsMatched();
        var queries = Requests.Select(r => r.RequestMessage!.RawQuery!.TrimStart('?')).ToList();
        Assert.Equal(["task_ids=" + string.Join(',', asked[..20]), "task_ids=" + string.Join(',', asked[20..40]), "task_ids=" + string.Join(',', asked[40..])], queries);
        Assert.Equal(asked.Where(id => !unknown.Contains(id)), tasks.Select(t => t.Id));
    }

    /// <summary>The external-id query (<c>?external_task_ids=</c>), batched the same way, with the page's literal comma.</summary>
    [Fact]
    public async Task Batch_status_by_external_id_uses_the_external_task_ids_query()
    {
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("external_task_ids", "ext-a", "ext-b"), KlingV2Docs.ApiKey))
            .RespondWith(Json(200, KlingV2Docs.QueryReplyOf(KlingV2Docs.Task("t-b", "processing", "ext-b"))));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var tasks = await client.GetTasksByExternalIdAsync(["ext-a", "ext-b", "ext-a"]);

        AssertAllRequestsMatched();
        AssertQuery(SingleRequest(), "external_task_ids=ext-a,ext-b");
        Assert.Equal("t-b", Assert.Single(tasks).Id);
    }

    /// <summary>Each id is escaped on its own and the ids joined with a literal comma, so an id cannot break the query.</summary>
    [Fact]
    public async Task Batch_status_escapes_each_id_and_keeps_the_separator_literal()
    {
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.QueryReplyOf()));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var tasks = await client.GetTasksByExternalIdAsync(["order 7&x=1", "ümlaut"]);

        Assert.Empty(tasks);
        AssertQuery(SingleRequest(), "external_task_ids=order%207%26x%3D1,%C3%BCmlaut");
    }

    /// <summary>API 2.0 shares the business codes (https://kling.ai/document-api/api/get-started/error-codes): 1201 is a rejected request.</summary>
    [Fact]
    public async Task Create_error_reply_maps_to_the_typed_exception_with_the_vendor_code()
    {
        var body = """{"code":1201,"message":"Invalid parameter: settings.character_orientation","request_id":"9984d27b-a408-4073-ae28-17ca6a13622d"}""";
        Server.Given(Bearer(Post(KlingV2Docs.Create30Path, KlingV2Docs.CreateRequestWith("mc-contract-1")), KlingV2Docs.ApiKey)).RespondWith(Json(400, body));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(DocumentedNeutralRequest() with { Model = "kling-v3" }));

        Assert.Equal(("1201", "9984d27b-a408-4073-ae28-17ca6a13622d"), (error.VendorCode, error.RequestId));
        Assert.Single(Requests);
    }

    /// <summary>
    /// A create whose reply is lost is looked up by its external id on <c>/tasks?external_task_ids=</c> and adopted: one
    /// create, never a second.
    /// </summary>
    [Fact]
    public async Task Lost_create_is_recovered_by_external_id_with_one_create()
    {
        Server.Given(Bearer(Post(KlingV2Docs.Create30Path, KlingV2Docs.CreateRequestWith("mc-lost-1")), KlingV2Docs.ApiKey))
            .RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));
        Server.Given(Bearer(Get(KlingV2Docs.TasksPath).WithParam("external_task_ids", "mc-lost-1"), KlingV2Docs.ApiKey))
            .RespondWith(Json(200, KlingV2Docs.QueryReplyOf(KlingV2Docs.Task("t-lost", "submitted", "mc-lost-1"))));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var task = await client.SubmitAsync(DocumentedNeutralRequest() with { Model = "kling-v3", ExternalTaskId = "mc-lost-1" });

        Assert.Equal(("t-lost", "mc-lost-1"), (task.Id, task.ExternalTaskId));
        Assert.Equal(1, Requests.Count(r => r.RequestMessage!.Method == "POST"));
    }

    /// <summary>"Query Task (By Cursor) › Request Example": the page's body through the typed API.</summary>
    [Fact]
    public async Task Cursor_list_typed_api_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(KlingV2Docs.TasksPath, KlingV2Docs.ListRequest), KlingV2Docs.ApiKey)).RespondWith(Json(200, KlingV2Docs.ListReply));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var reply = await client.Api.ListTasksV2Async(new KlingV2TaskListRequest
        {
            StartTime = "1781193600000",
            EndTime = "1781516352968",
            Cursor = string.Empty,
            Limit = 500,
            Filters = [new KlingV2TaskFilter { Key = "status", Values = ["succeeded"] }, new KlingV2TaskFilter { Key = "product_type", Values = ["video"] }],
        });

        AssertAllRequestsMatched();
        var page = reply.Data;
        Assert.Equal((1, "string", (bool?)true), (page.Count, page.NextCursor, page.HasMore));
        Assert.Equal("string", Assert.Single(page.Result).Id);
    }

    /// <summary>
    /// The neutral list sends the status filter and the creation window (ms, as strings like the page's example) to Kling,
    /// which filters; it follows <c>next_cursor</c> while <c>has_more</c> [inferred values].
    /// </summary>
    [Fact]
    public async Task Cursor_list_neutral_sends_the_filter_and_window_and_follows_the_cursor()
    {
        const string First = """{ "start_time": "1781193600000", "end_time": "1781516352968", "limit": 500, "filters": [ { "key": "status", "values": ["succeeded"] } ] }""";
        const string Second = """{ "start_time": "1781193600000", "end_time": "1781516352968", "cursor": "c-2", "limit": 500, "filters": [ { "key": "status", "values": ["succeeded"] } ] }""";
        Server.Given(Bearer(Post(KlingV2Docs.TasksPath, First), KlingV2Docs.ApiKey))
            .RespondWith(Json(200, KlingV2Docs.ListReplyOf("c-2", true, KlingV2Docs.Task("t-1", "succeeded"), KlingV2Docs.Task("t-2", "succeeded"))));
        Server.Given(Bearer(Post(KlingV2Docs.TasksPath, Second), KlingV2Docs.ApiKey))
            .RespondWith(Json(200, KlingV2Docs.ListReplyOf("c-3", false, KlingV2Docs.Task("t-3", "succeeded"))));
        using var client = Clients.KlingV2(BaseAddress, KlingV2Docs.ApiKey);

        var tasks = await client.ListTasksAsync(new MotionControlListOptions
        {
            Status = MotionControlTaskStatus.Succeeded,
            PageSize = 500,
            CreatedAfter = DateTimeOffset.FromUnixTimeMilliseconds(1781193600000),
            CreatedBefore = DateTimeOffset.FromUnixTimeMilliseconds(1781516352968),
        }).ToListAsync();

        AssertAllRequestsMatched();
        Assert.Equal(["t-1", "t-2", "t-3"], tasks.Select(t => t.Id));
        Assert.Equal(2, Requests.Count);
        Assert.Equal("t-3", tasks[2].Raw!.Value.GetProperty("id").GetString());
    }

    /// <summary>Kling 2.0 takes an API key only: a V2 client with only an access key and secret key is refused at construction.</summary>
    [Fact]
    public void V2_with_only_an_access_key_and_secret_key_fails_at_construction_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new KlingClient(new KlingOptions
        {
            BaseAddress = BaseAddress,
            ApiVersion = KlingApiVersion.V2,
            AccessKey = Clients.KlingAccessKey,
            SecretKey = Clients.KlingSecretKey,
        }));

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.KlingSecretKey, error.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    /// <summary>The neutral request that maps to the page's cURL body (with the SDK's external id).</summary>
    private static MotionControlRequest DocumentedNeutralRequest() => new()
    {
        Image = MediaSource.FromUri(KlingV2Docs.ImageUrl),
        Video = MediaSource.FromUri(KlingV2Docs.VideoUrl),
        Prompt = KlingV2Docs.Prompt,
        KeepOriginalSound = true,
        CharacterOrientation = CharacterOrientation.Video,
        Mode = GenerationMode.Pro,
        CallbackUrl = new Uri(KlingV2Docs.CallbackUrl),
        ExternalTaskId = "mc-contract-1",
    };
}
