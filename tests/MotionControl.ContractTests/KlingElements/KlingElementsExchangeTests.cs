using System.Net;
using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.ContractTests.Kling;
using MotionControl.Providers.Kling;

namespace MotionControl.ContractTests.KlingElements;

/// <summary>
/// Kling's element management (https://kling.ai/document-api/api/video/3-0-omni/elements) on <see cref="KlingClient.Api"/>:
/// create (both reference types), the single query, the custom and preset lists, delete. WireMock serves the page's
/// example replies and matches the SDK's requests exactly (method, path, query, bearer, JSON body).
/// </summary>
public sealed class KlingElementsExchangeTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>"Create Element › Create Multi-Image Elements": the page's body field for field, and the page's reply read back.</summary>
    [Fact]
    public async Task Create_image_refer_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, KlingElementsDocs.CreateImageRequest), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.CreateElementAsync(KlingElementsDocs.ImageRequest());

        SingleRequest();
        Assert.Equal((0, "string", "string"), (reply.Code, reply.Message, reply.RequestId));
        Assert.Equal(("string", "string", "string"), (reply.Data.TaskId, reply.Data.TaskStatus, reply.Data.TaskInfo!.ExternalTaskId));
        Assert.Equal((1722769557708L, 1722769557708L), (reply.Data.CreatedAt, reply.Data.UpdatedAt));
        Assert.Null(reply.Data.TaskResult);
    }

    /// <summary>"Create Element › Create Video Character Elements": the page's body field for field.</summary>
    [Fact]
    public async Task Create_video_refer_sends_the_documented_body()
    {
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, KlingElementsDocs.CreateVideoRequest), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.CreateElementAsync(KlingElementsDocs.VideoRequest());

        SingleRequest();
        Assert.Equal("string", reply.Data.TaskId);
    }

    /// <summary>
    /// The documented limits themselves are sent: a 20-character name, a 100-character description, 3 reference images
    /// [inferred values]; fields the request leaves unset are left out of the body.
    /// </summary>
    [Fact]
    public async Task Create_at_the_documented_limits_is_sent_and_unset_fields_are_left_out()
    {
        var name = new string('n', 20);
        var description = new string('d', 100);
        var body = new JsonObject
        {
            ["element_name"] = name,
            ["element_description"] = description,
            ["reference_type"] = "image_refer",
            ["element_image_list"] = new JsonObject
            {
                ["frontal_image"] = "https://cdn.example/front.png",
                ["refer_images"] = new JsonArray(
                    new JsonObject { ["image_url"] = "https://cdn.example/1.png" },
                    new JsonObject { ["image_url"] = "https://cdn.example/2.png" },
                    new JsonObject { ["image_url"] = "https://cdn.example/3.png" }),
            },
        };
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, body.ToJsonString()), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        await client.Api.CreateElementAsync(new KlingElementCreateRequest
        {
            ElementName = name,
            ElementDescription = description,
            ReferenceType = KlingElementCreateRequest.ImageRefer,
            ElementImageList = new KlingElementImageList
            {
                FrontalImage = "https://cdn.example/front.png",
                ReferImages = [new() { ImageUrl = "https://cdn.example/1.png" }, new() { ImageUrl = "https://cdn.example/2.png" }, new() { ImageUrl = "https://cdn.example/3.png" }],
            },
        });

        SingleRequest();
    }

    /// <summary>
    /// With an AccessKey/SecretKey the element calls carry Kling's signed JWT as the bearer [inferred: the page shows
    /// <c>Bearer &lt;API_KEY&gt;</c>; Kling's authentication page signs the same header from the key pair].
    /// </summary>
    [Fact]
    public async Task Create_with_an_access_key_and_secret_key_sends_a_signed_jwt()
    {
        Server.Given(BearerJwt(Post(KlingElementsDocs.CustomPath, KlingElementsDocs.CreateImageRequest))).RespondWith(Json(200, KlingElementsDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress);

        await client.Api.CreateElementAsync(KlingElementsDocs.ImageRequest());

        KlingJwt.AssertValid(Header(SingleRequest(), "Authorization"));
    }

    /// <summary>"Query Custom Element (Single)": <c>GET …/advanced-custom-elements/{id}</c>, every documented field read.</summary>
    [Fact]
    public async Task Get_by_task_id_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get($"{KlingElementsDocs.CustomPath}/860113235218362398"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.GetReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.GetElementAsync("860113235218362398");

        var request = SingleRequest();
        AssertQuery(request, string.Empty);
        var task = reply.Data;
        Assert.Equal(("string", "string", "string", "string"), (task.TaskId, task.TaskStatus, task.TaskStatusMessage, task.TaskInfo!.ExternalTaskId));
        Assert.Equal("string", task.FinalUnitDeduction);
        Assert.Equal(("string", "string"), (task.FinalBalanceDeduction!.Quota, task.FinalBalanceDeduction.ListPrice));
        Assert.Equal((1722769557708L, 1722769557708L), (task.CreatedAt, task.UpdatedAt));
        var element = Assert.Single(task.TaskResult!.Elements!);
        Assert.Equal((0L, "string", "string", "video_refer"), (element.ElementId, element.ElementName, element.ElementDescription, element.ReferenceType));
        Assert.Equal(("kling", "succeed"), (element.OwnedBy, element.Status));
        Assert.NotNull(element.ElementImageList);
        Assert.NotNull(element.ElementVideoList);
        Assert.Empty(element.TagList!);
        var voice = element.ElementVoiceInfo!;
        Assert.Equal(("string", "string", "string", "kling"), (voice.VoiceId, voice.VoiceName, voice.TrialUrl, voice.OwnedBy));
    }

    /// <summary>An element id above 2^53 survives digit for digit (a <see cref="long"/>, never a double) [inferred value].</summary>
    [Fact]
    public async Task Get_keeps_a_64_bit_element_id_exact()
    {
        Server.Given(Bearer(Get($"{KlingElementsDocs.CustomPath}/t-1"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.GetReplyWithElementId(829836802793406551)));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.GetElementAsync("t-1");

        SingleRequest();
        Assert.Equal(829836802793406551L, Assert.Single(reply.Data.TaskResult!.Elements!).ElementId);
    }

    /// <summary>The path parameter is the task id <b>or</b> the <c>external_task_id</c> given at creation (the page's path table names both).</summary>
    [Fact]
    public async Task Get_by_external_task_id_uses_the_same_path()
    {
        Server.Given(Bearer(Get($"{KlingElementsDocs.CustomPath}/my-element-7"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.GetReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.GetElementAsync("my-element-7");

        SingleRequest();
        Assert.Equal("string", reply.Data.TaskId);
    }

    /// <summary>"Query Custom Element (List)": <c>pageNum</c> and <c>pageSize</c> in the query, the page's reply read.</summary>
    [Fact]
    public async Task List_sends_page_number_and_size_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get(KlingElementsDocs.CustomPath).WithParam("pageNum", "2").WithParam("pageSize", "50"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.ListReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.ListElementsAsync(pageNum: 2, pageSize: 50);

        AssertQuery(SingleRequest(), "pageNum=2&pageSize=50");
        var task = Assert.Single(reply.Data);
        Assert.Equal(("string", "string", "string"), (task.TaskId, task.TaskStatus, task.TaskInfo!.ExternalTaskId));
        Assert.Equal(("string", "string"), (task.FinalBalanceDeduction!.Quota, task.FinalBalanceDeduction.ListPrice));
        var element = Assert.Single(task.TaskResult!.Elements!);
        Assert.Equal((0L, "video_refer", "kling", "succeed"), (element.ElementId, element.ReferenceType, element.OwnedBy, element.Status));
        Assert.NotNull(element.ElementVoiceInfo);
        Assert.Null(element.ElementVoiceInfo.VoiceId);
    }

    /// <summary>Kling's defaults, sent explicitly: page 1 of 30.</summary>
    [Fact]
    public async Task List_defaults_to_page_1_of_30()
    {
        Server.Given(Bearer(Get(KlingElementsDocs.CustomPath).WithParam("pageNum", "1").WithParam("pageSize", "30"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.ListReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        await client.Api.ListElementsAsync();

        AssertQuery(SingleRequest(), "pageNum=1&pageSize=30");
    }

    /// <summary>"Query Presets Element (List)": its own path, the custom list's shape without deductions.</summary>
    [Fact]
    public async Task Presets_list_uses_its_path_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get(KlingElementsDocs.PresetsPath).WithParam("pageNum", "1000").WithParam("pageSize", "500"), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.PresetsReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.ListPresetElementsAsync(pageNum: 1000, pageSize: 500);

        AssertQuery(SingleRequest(), "pageNum=1000&pageSize=500");
        var task = Assert.Single(reply.Data);
        Assert.Null(task.FinalBalanceDeduction);
        Assert.Null(task.FinalUnitDeduction);
        var element = Assert.Single(task.TaskResult!.Elements!);
        Assert.Equal(("string", "kling", "succeed"), (element.ElementName, element.OwnedBy, element.Status));
    }

    /// <summary>"Delete Custom Element": the body is <c>{"element_id": "…"}</c> [inferred: the page gives the field table, no example].</summary>
    [Fact]
    public async Task Delete_sends_the_element_id_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(KlingElementsDocs.DeletePath, """{"element_id":"829836802793406551"}"""), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.DeleteReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var reply = await client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = "829836802793406551" });

        SingleRequest();
        Assert.Equal(("string", "string"), (reply.Data.TaskId, reply.Data.TaskStatus));
    }

    /// <summary>Outside pageNum 1–1000 or pageSize 1–500 (the page's ranges) neither list sends anything.</summary>
    [Theory]
    [InlineData(false, 0, 30)]
    [InlineData(false, 1001, 30)]
    [InlineData(false, 1, 0)]
    [InlineData(false, 1, 501)]
    [InlineData(true, 0, 30)]
    [InlineData(true, 1001, 30)]
    [InlineData(true, 1, 0)]
    [InlineData(true, 1, 501)]
    public async Task Lists_outside_the_documented_page_ranges_send_nothing(bool presets, int pageNum, int pageSize)
    {
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => presets
            ? client.Api.ListPresetElementsAsync(pageNum, pageSize)
            : client.Api.ListElementsAsync(pageNum, pageSize));

        Assert.Empty(Requests);
    }

    /// <summary>A create that breaks a documented rule is refused locally: nothing is sent (and nothing charged).</summary>
    [Theory]
    [InlineData("no refer images", typeof(ArgumentOutOfRangeException))]
    [InlineData("four refer images", typeof(ArgumentOutOfRangeException))]
    [InlineData("no image list", typeof(ArgumentException))]
    [InlineData("no frontal image", typeof(ArgumentException))]
    [InlineData("empty refer image url", typeof(ArgumentException))]
    [InlineData("name of 21 characters", typeof(ArgumentOutOfRangeException))]
    [InlineData("description of 101 characters", typeof(ArgumentOutOfRangeException))]
    [InlineData("empty name", typeof(ArgumentException))]
    [InlineData("empty description", typeof(ArgumentException))]
    [InlineData("unknown reference type", typeof(ArgumentException))]
    [InlineData("video without a video list", typeof(ArgumentException))]
    [InlineData("two videos", typeof(ArgumentOutOfRangeException))]
    [InlineData("empty video url", typeof(ArgumentException))]
    public async Task Create_breaking_a_documented_rule_sends_nothing(string broken, Type expected)
    {
        var image = KlingElementsDocs.ImageRequest();
        var video = KlingElementsDocs.VideoRequest();
        var request = broken switch
        {
            "no refer images" => image with { ElementImageList = image.ElementImageList! with { ReferImages = [] } },
            "four refer images" => image with { ElementImageList = image.ElementImageList! with { ReferImages = [new() { ImageUrl = "a" }, new() { ImageUrl = "b" }, new() { ImageUrl = "c" }, new() { ImageUrl = "d" }] } },
            "no image list" => image with { ElementImageList = null },
            "no frontal image" => image with { ElementImageList = image.ElementImageList! with { FrontalImage = " " } },
            "empty refer image url" => image with { ElementImageList = image.ElementImageList! with { ReferImages = [new() { ImageUrl = "a" }, new() { ImageUrl = string.Empty }] } },
            "name of 21 characters" => image with { ElementName = new string('n', 21) },
            "description of 101 characters" => image with { ElementDescription = new string('d', 101) },
            "empty name" => image with { ElementName = string.Empty },
            "empty description" => image with { ElementDescription = "  " },
            "unknown reference type" => image with { ReferenceType = "audio_refer" },
            "video without a video list" => video with { ElementVideoList = null },
            "two videos" => video with { ElementVideoList = new KlingElementVideoList { ReferVideos = [new() { VideoUrl = "a" }, new() { VideoUrl = "b" }] } },
            "empty video url" => video with { ElementVideoList = new KlingElementVideoList { ReferVideos = [new() { VideoUrl = string.Empty }] } },
            _ => throw new ArgumentOutOfRangeException(nameof(broken), broken, "no such case"),
        };
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Api.CreateElementAsync(request));

        Assert.IsType(expected, error);
        Assert.Equal("request", error.ParamName);
        Assert.Empty(Requests);
    }

    /// <summary>A name of 20 CJK characters is within the limit: the length is counted in characters, not bytes.</summary>
    [Fact]
    public async Task Create_counts_the_name_in_characters()
    {
        var name = string.Concat(Enumerable.Repeat("角色", 10));
        var body = DocumentedJson.Node(KlingElementsDocs.CreateImageRequest);
        body["element_name"] = name;
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, body.ToJsonString()), KlingElementsDocs.ApiKey)).RespondWith(Json(200, KlingElementsDocs.CreateReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        await client.Api.CreateElementAsync(KlingElementsDocs.ImageRequest() with { ElementName = name });

        SingleRequest();
    }

    /// <summary>An empty id for the query or the delete is refused locally: nothing is sent.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Get_and_delete_without_an_id_send_nothing(string id)
    {
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Api.GetElementAsync(id));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = id }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Api.CreateElementAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Api.DeleteElementAsync(null!));

        Assert.Empty(Requests);
    }

    /// <summary>On the single query, 1201 is "not found", as on Kling's task queries [inferred message].</summary>
    [Fact]
    public async Task Get_error_1201_is_task_not_found()
    {
        Server.Given(Bearer(Get($"{KlingElementsDocs.CustomPath}/missing"), KlingElementsDocs.ApiKey))
            .RespondWith(Json(400, KlingElementsDocs.Error(1201, "Task not found by id/external id: missing")));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var error = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => client.Api.GetElementAsync("missing"));

        SingleRequest();
        Assert.Equal(("1201", HttpStatusCode.BadRequest, "3c7a9d0e-elements-contract"), (error.VendorCode, error.StatusCode, error.RequestId));
    }

    /// <summary>Kling's business codes (https://kling.ai/document-api/api/get-started/error-codes) on the create become the typed exceptions [inferred messages].</summary>
    [Theory]
    [InlineData(1102, 429, typeof(MotionControlInsufficientCreditsException))]
    [InlineData(1201, 400, typeof(MotionControlRequestRejectedException))]
    [InlineData(1301, 400, typeof(MotionControlContentPolicyException))]
    [InlineData(1000, 401, typeof(MotionControlAuthenticationException))]
    public async Task Create_error_code_maps_to_the_typed_exception_with_the_vendor_code(int code, int httpStatus, Type expected)
    {
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, KlingElementsDocs.CreateImageRequest), KlingElementsDocs.ApiKey))
            .RespondWith(Json(httpStatus, KlingElementsDocs.Error(code, "refused")));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.Api.CreateElementAsync(KlingElementsDocs.ImageRequest()));

        SingleRequest();
        Assert.IsType(expected, error);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.VendorCode);
    }

    /// <summary>A 2xx reply with a non-zero code is still an error (Kling's envelope rule) [inferred reply].</summary>
    [Fact]
    public async Task Delete_http_200_with_a_non_zero_code_is_an_error()
    {
        Server.Given(Bearer(Post(KlingElementsDocs.DeletePath, """{"element_id":"42"}"""), KlingElementsDocs.ApiKey))
            .RespondWith(Json(200, KlingElementsDocs.Error(1201, "only custom elements can be deleted")));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = "42" }));

        SingleRequest();
        Assert.Equal("1201", error.VendorCode);
    }

    /// <summary>
    /// A create is never re-sent blindly: a 500 (code 5000) with retries enabled is one POST and an unknown outcome
    /// carrying Kling's code. (The next two tests show the same retry setting does re-send reads and deletes.)
    /// </summary>
    [Fact]
    public async Task Create_server_error_is_not_re_sent_even_with_retries()
    {
        Server.Given(Bearer(Post(KlingElementsDocs.CustomPath, KlingElementsDocs.CreateImageRequest), KlingElementsDocs.ApiKey))
            .RespondWith(Json(500, KlingElementsDocs.Error(5000, "Server internal error")));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey, retries: 2);

        var error = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.Api.CreateElementAsync(KlingElementsDocs.ImageRequest()));

        AssertAllRequestsMatched();
        Assert.Equal(1, Requests.Count(r => r.RequestMessage!.Method == "POST"));
        Assert.Equal("5000", error.VendorCode);
        Assert.IsType<MotionControlServerException>(error.InnerException);
    }

    /// <summary>The single query is a read: a 500 is retried (retries: 2) and the second answer returned.</summary>
    [Fact]
    public async Task Get_server_error_is_retried()
    {
        const string Scenario = "element-get-retry";
        var path = $"{KlingElementsDocs.CustomPath}/t-retry";
        Server.Given(Bearer(Get(path), KlingElementsDocs.ApiKey)).InScenario(Scenario).WillSetStateTo("failed-once")
            .RespondWith(Json(500, KlingElementsDocs.Error(5000, "Server internal error")));
        Server.Given(Bearer(Get(path), KlingElementsDocs.ApiKey)).InScenario(Scenario).WhenStateIs("failed-once")
            .RespondWith(Json(200, KlingElementsDocs.GetReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey, retries: 2);

        var reply = await client.Api.GetElementAsync("t-retry");

        AssertAllRequestsMatched();
        Assert.Equal(["GET", "GET"], Requests.Select(r => r.RequestMessage!.Method));
        Assert.Equal("string", reply.Data.TaskId);
    }

    /// <summary>A delete is retried like a read (deleting twice is harmless): a 500 then success is two POSTs.</summary>
    [Fact]
    public async Task Delete_server_error_is_retried_like_a_read()
    {
        const string Scenario = "element-delete-retry";
        var body = """{"element_id":"829836802793406551"}""";
        Server.Given(Bearer(Post(KlingElementsDocs.DeletePath, body), KlingElementsDocs.ApiKey)).InScenario(Scenario).WillSetStateTo("failed-once")
            .RespondWith(Json(500, KlingElementsDocs.Error(5000, "Server internal error")));
        Server.Given(Bearer(Post(KlingElementsDocs.DeletePath, body), KlingElementsDocs.ApiKey)).InScenario(Scenario).WhenStateIs("failed-once")
            .RespondWith(Json(200, KlingElementsDocs.DeleteReply));
        using var client = Clients.Kling(BaseAddress, KlingElementsDocs.ApiKey, retries: 2);

        var reply = await client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = "829836802793406551" });

        AssertAllRequestsMatched();
        Assert.Equal(["POST", "POST"], Requests.Select(r => r.RequestMessage!.Method));
        Assert.Equal("string", reply.Data.TaskStatus);
    }
}
