using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>Kling's element management on the emulator, over plain HTTP (the wire, not an SDK client), and binding an element on a motion-control create.</summary>
public class KlingElementEmulatorTests
{
    private const string Custom = "/v1/general/advanced-custom-elements";
    private const string Presets = "/v1/general/advanced-presets-elements";
    private const string Delete = "/v1/general/delete-advanced-elements";
    private const string Legacy = "/v1/videos/motion-control";
    private const string V3 = "/motion-control/kling-3.0";
    private const long PresetId = 760_000_000_000_000_001L;

    private static readonly EmulatorAccount Eu = new("eu") { KlingApiKey = "eu-kling-api-key" };

    private static HttpClient ApiKeyClient(MotionControlEmulator emulator) => EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

    private static JsonObject ImageBody(string? externalId = null)
    {
        var body = new JsonObject
        {
            ["element_name"] = "Dancer",
            ["element_description"] = "A dancer in a red dress",
            ["reference_type"] = "image_refer",
            ["element_image_list"] = new JsonObject
            {
                ["frontal_image"] = "https://example.com/front.png",
                ["refer_images"] = new JsonArray(new JsonObject { ["image_url"] = "https://example.com/side.png" }, new JsonObject { ["image_url"] = "aGVsbG8=" }),
            },
            ["tag_list"] = new JsonArray(new JsonObject { ["tag_id"] = "o_102" }),
        };
        if (externalId is not null)
        {
            body["external_task_id"] = externalId;
        }

        return body;
    }

    private static JsonObject VideoBody() => new()
    {
        ["element_name"] = "Singer",
        ["element_description"] = "A singer from a video",
        ["reference_type"] = "video_refer",
        ["element_video_list"] = new JsonObject { ["refer_videos"] = new JsonArray(new JsonObject { ["video_url"] = "https://example.com/singer.mp4" }) },
        ["element_voice_id"] = "voice-7",
        ["callback_url"] = "https://example.com/hook",
    };

    private static JsonObject LegacyBody(long elementId)
    {
        var body = VendorBodies.Kling("kling-v3");
        body["element_list"] = new JsonArray(new JsonObject { ["element_id"] = elementId });
        return body;
    }

    private static JsonObject V2Body(string elementId) => new()
    {
        ["contents"] = new JsonArray(
            new JsonObject { ["type"] = "image", ["url"] = VendorBodies.ImageUrl },
            new JsonObject { ["type"] = "video", ["url"] = VendorBodies.VideoUrl },
            new JsonObject { ["type"] = "element", ["element_id"] = elementId, ["id"] = "element_1" }),
        ["settings"] = new JsonObject { ["character_orientation"] = "video" },
    };

    private static void AssertInvalid(Reply reply, string messagePart)
    {
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32());
        Assert.Contains(messagePart, reply.Json.Str("message"), StringComparison.Ordinal);
        Assert.False(reply.Json.TryGetProperty("data", out _));
    }

    private static void AssertOk(Reply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal(0, reply.Json.GetProperty("code").GetInt32());
    }

    private static async Task<string> CreateAsync(HttpClient http, JsonObject? body = null)
    {
        var created = await http.PostAsync(Custom, body ?? ImageBody());
        AssertOk(created);
        return created.Json.At("data").Str("task_id");
    }

    /// <summary>Polls the element task until it ends; returns every status seen and the last task.</summary>
    private static async Task<(List<string> Statuses, JsonElement Task, string Text)> PollAsync(HttpClient http, string taskId)
    {
        var statuses = new List<string>();
        Reply polled;
        do
        {
            polled = await http.GetReplyAsync($"{Custom}/{taskId}");
            AssertOk(polled);
            statuses.Add(polled.Json.At("data").Str("task_status"));
        }
        while (statuses.Count < 10 && statuses[^1] is not ("succeed" or "failed"));

        return (statuses, polled.Json.At("data"), polled.Text);
    }

    private static async Task<long> MakeElementAsync(HttpClient http, JsonObject? body = null)
    {
        var (_, task, _) = await PollAsync(http, await CreateAsync(http, body));
        return task.At("task_result", "elements")[0].GetProperty("element_id").GetInt64();
    }

    [Fact]
    public async Task An_image_element_goes_submitted_processing_succeed_and_carries_an_exact_64_bit_element_id()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = ApiKeyClient(emulator);

        var created = await http.PostAsync(Custom, ImageBody("el-1"));
        AssertOk(created);
        var data = created.Json.At("data");
        string taskId = data.Str("task_id");
        Assert.Matches("^[0-9]{18}$", taskId);
        Assert.Equal("submitted", data.Str("task_status"));
        Assert.Equal("el-1", data.At("task_info").Str("external_task_id"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), data.GetProperty("created_at").GetInt64());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), data.GetProperty("updated_at").GetInt64());
        Assert.False(data.TryGetProperty("task_result", out _));

        var (statuses, task, text) = await PollAsync(http, taskId);

        Assert.Equal(["submitted", "processing", "processing", "succeed"], statuses);
        var element = Assert.Single(task.At("task_result", "elements").EnumerateArray());
        var id = element.GetProperty("element_id");
        Assert.Equal(JsonValueKind.Number, id.ValueKind);
        long elementId = id.GetInt64();
        Assert.True(elementId > (1L << 53), $"{elementId}");
        Assert.NotEqual(elementId, (long)(double)elementId); // a client that reads it as a double loses it
        Assert.Contains($"\"element_id\":{elementId.ToString(CultureInfo.InvariantCulture)},", text, StringComparison.Ordinal);
        Assert.Equal("Dancer", element.Str("element_name"));
        Assert.Equal("A dancer in a red dress", element.Str("element_description"));
        Assert.Equal("image_refer", element.Str("reference_type"));
        Assert.Equal("https://example.com/front.png", element.At("element_image_list").Str("frontal_image"));
        Assert.Equal(2, element.At("element_image_list", "refer_images").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, element.GetProperty("element_video_list").ValueKind);
        Assert.Equal("o_102", element.GetProperty("tag_list")[0].Str("tag_id"));
        Assert.Equal(JsonValueKind.Number, element.GetProperty("owned_by").ValueKind);
        Assert.Equal("succeed", element.Str("status"));
        Assert.Equal(string.Empty, task.Str("task_status_msg"));
        Assert.Equal(JsonValueKind.String, task.GetProperty("final_unit_deduction").ValueKind);
        Assert.Equal(JsonValueKind.String, task.At("final_balance_deduction").GetProperty("quota").ValueKind);
        Assert.Equal(JsonValueKind.String, task.At("final_balance_deduction").GetProperty("list_price").ValueKind);

        // Element tasks are not motion-control tasks.
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Null(emulator.FindTask(EmulatorProviders.Kling, taskId));
        var get = (await http.GetReplyAsync($"{Legacy}/{taskId}")).Status;
        Assert.Equal(HttpStatusCode.BadRequest, get);
    }

    [Fact]
    public async Task A_video_element_with_a_voice_is_made_and_read_by_its_external_task_id()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VideoBody();
        body["external_task_id"] = "video-el";
        string taskId = await CreateAsync(http, body);
        await PollAsync(http, taskId);

        var byExternal = await http.GetReplyAsync($"{Custom}/video-el");

        AssertOk(byExternal);
        var task = byExternal.Json.At("data");
        Assert.Equal(taskId, task.Str("task_id"));
        var element = task.At("task_result", "elements")[0];
        Assert.Equal("video_refer", element.Str("reference_type"));
        Assert.Equal("https://example.com/singer.mp4", element.At("element_video_list", "refer_videos")[0].Str("video_url"));
        Assert.Equal("voice-7", element.At("element_voice_info").Str("voice_id"));
    }

    public static TheoryData<string, Action<JsonObject>, string> BrokenCreates => new()
    {
        { "no name", b => b.Remove("element_name"), "element_name is required" },
        { "blank name", b => b["element_name"] = "  ", "element_name must be a non-empty string" },
        { "name a number", b => b["element_name"] = 7, "element_name must be a non-empty string, not a number" },
        { "name too long", b => b["element_name"] = new string('x', 21), "element_name must be at most 20 characters, not 21" },
        { "no description", b => b.Remove("element_description"), "element_description is required" },
        { "description too long", b => b["element_description"] = new string('d', 101), "element_description must be at most 100 characters" },
        { "no reference type", b => b.Remove("reference_type"), "reference_type is required" },
        { "unknown reference type", b => b["reference_type"] = "text_refer", "reference_type must be one of: image_refer, video_refer" },
        { "no image list", b => b.Remove("element_image_list"), "element_image_list is required for reference_type image_refer" },
        { "image list an array", b => b["element_image_list"] = new JsonArray(), "element_image_list must be an object, not an array" },
        { "no frontal image", b => b["element_image_list"]!.AsObject().Remove("frontal_image"), "element_image_list.frontal_image is required" },
        { "frontal image a data URI", b => b["element_image_list"]!["frontal_image"] = "data:image/png;base64,aGVsbG8=", "remove 'data:image" },
        { "no refer images", b => b["element_image_list"]!.AsObject().Remove("refer_images"), "element_image_list.refer_images is required" },
        { "zero refer images", b => b["element_image_list"]!["refer_images"] = new JsonArray(), "refer_images must hold 1-3 images, not 0" },
        { "four refer images", b => b["element_image_list"]!["refer_images"] = Images(4), "refer_images must hold 1-3 images, not 4" },
        { "refer image a string", b => b["element_image_list"]!["refer_images"] = new JsonArray("https://example.com/a.png"), "refer_images[0] must be an object" },
        { "refer image without url", b => b["element_image_list"]!["refer_images"] = new JsonArray(new JsonObject()), "refer_images[0].image_url is required" },
        { "video list beside images", b => b["element_video_list"] = new JsonObject(), "element_video_list does not go with reference_type image_refer" },
        { "voice id a number", b => b["element_voice_id"] = 7, "element_voice_id must be a non-empty string, not a number" },
        { "tag list an object", b => b["tag_list"] = new JsonObject(), "tag_list must be an array" },
        { "unknown tag", b => b["tag_list"] = new JsonArray(new JsonObject { ["tag_id"] = "o_109" }), "tag_list[0].tag_id must be one of" },
        { "callback not a URL", b => b["callback_url"] = "xxx", "callback_url must be an http(s) URL" },
        { "external id a number", b => b["external_task_id"] = 5, "external_task_id must be a string, not a number" },
        { "unknown field", b => b["model_name"] = "kling-v3", "unknown field: model_name" },
        { "unknown null field", b => b["mode"] = null, "unknown field: mode" },
        { "unknown nested field", b => b["element_image_list"]!["back_image"] = "https://example.com/b.png", "unknown field: element_image_list.back_image" },
        { "unknown refer image field", b => b["element_image_list"]!["refer_images"]![0]!["url"] = "x", "unknown field: element_image_list.refer_images[0].url" },
        { "unknown tag field", b => b["tag_list"]![0]!["name"] = "x", "unknown field: tag_list[0].name" },
    };

    public static TheoryData<string, Action<JsonObject>, string> BrokenVideoCreates => new()
    {
        { "no video list", b => b.Remove("element_video_list"), "element_video_list is required for reference_type video_refer" },
        { "no refer videos", b => b["element_video_list"] = new JsonObject(), "element_video_list.refer_videos is required" },
        { "two videos", b => b["element_video_list"]!["refer_videos"]!.AsArray().Add(new JsonObject { ["video_url"] = "https://example.com/2.mp4" }), "exactly one video, not 2" },
        { "empty video url", b => b["element_video_list"]!["refer_videos"]![0]!["video_url"] = string.Empty, "refer_videos[0].video_url must be an http(s) URL" },
        { "video url missing", b => b["element_video_list"]!["refer_videos"]![0]!.AsObject().Remove("video_url"), "refer_videos[0].video_url is required" },
        { "image list beside the video", b => b["element_image_list"] = new JsonObject(), "element_image_list does not go with reference_type video_refer" },
        { "unknown video field", b => b["element_video_list"]!["refer_videos"]![0]!["duration"] = 5, "unknown field: element_video_list.refer_videos[0].duration" },
    };

    private static JsonArray Images(int count) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["image_url"] = $"https://example.com/{i}.png" })];

    [Theory]
    [MemberData(nameof(BrokenCreates))]
    public async Task An_image_create_breaking_a_rule_is_refused_with_1201_naming_it_and_makes_nothing(string name, Action<JsonObject> breakIt, string messagePart)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = ImageBody();
        breakIt(body);

        var reply = await http.PostAsync(Custom, body);

        Assert.True(name.Length > 0);
        AssertInvalid(reply, messagePart);
        Assert.Equal(0, (await http.GetReplyAsync(Custom)).Json.At("data").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(BrokenVideoCreates))]
    public async Task A_video_create_breaking_a_rule_is_refused_with_1201_naming_it(string name, Action<JsonObject> breakIt, string messagePart)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VideoBody();
        breakIt(body);

        var reply = await http.PostAsync(Custom, body);

        Assert.True(name.Length > 0);
        AssertInvalid(reply, messagePart);
    }

    [Fact]
    public async Task The_limits_themselves_are_taken_a_name_of_20_emoji_three_refer_images_and_the_documented_empty_external_id()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = ImageBody();
        body["element_name"] = string.Concat(Enumerable.Repeat("💃", 20));
        body["element_description"] = new string('d', 100);
        body["element_image_list"]!["refer_images"] = Images(3);
        body["external_task_id"] = string.Empty;

        var first = await http.PostAsync(Custom, body);
        var second = await http.PostAsync(Custom, body);

        AssertOk(first);
        AssertOk(second); // "" stands for no external id, so it is not a duplicate
        Assert.Equal(JsonValueKind.Object, first.Json.At("data", "task_info").ValueKind);
        Assert.False(first.Json.At("data", "task_info").TryGetProperty("external_task_id", out _));
    }

    [Fact]
    public async Task Not_json_is_refused_with_1200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, Custom, "[1]");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1200, reply.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_external_task_id_is_unique_per_account_and_another_accounts_element_task_is_not_found()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            Credentials = new EmulatorCredentials { AdditionalAccounts = [Eu] },
        });
        using var http = ApiKeyClient(emulator);
        using var eu = EmulatorHttp.Client(emulator, Eu.KlingApiKey);
        string taskId = await CreateAsync(http, ImageBody("same-id"));

        var again = await http.PostAsync(Custom, ImageBody("same-id"));
        var euCreate = await eu.PostAsync(Custom, ImageBody("same-id"));
        var euGet = await eu.GetReplyAsync($"{Custom}/{taskId}");
        var euList = await eu.GetReplyAsync(Custom);

        AssertInvalid(again, "external_task_id 'same-id' already exists");
        AssertOk(euCreate);
        AssertInvalid(euGet, $"Task not found by id/external id: {taskId}");
        Assert.Equal([euCreate.Json.At("data").Str("task_id")], euList.Json.At("data").EnumerateArray().Select(t => t.Str("task_id")));
        Assert.Equal("eu", emulator.Requests[^1].Account);
    }

    [Fact]
    public async Task An_unknown_element_task_answers_400_with_1201_not_found()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.GetReplyAsync($"{Custom}/999");

        AssertInvalid(reply, "Task not found by id/external id: 999");
    }

    [Fact]
    public async Task The_custom_list_is_newest_first_paged_checked_and_not_a_poll()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await CreateAsync(http));
        }

        var first = await http.GetReplyAsync($"{Custom}?pageNum=1&pageSize=2");
        var last = await http.GetReplyAsync($"{Custom}?pageNum=3&pageSize=2");
        var all = await http.GetReplyAsync($"{Custom}?pageNum=1&pageSize=500");
        var (statuses, _, _) = await PollAsync(http, ids[0]);

        AssertOk(first);
        Assert.Equal([ids[4], ids[3]], first.Json.At("data").EnumerateArray().Select(t => t.Str("task_id")));
        Assert.Equal([ids[0]], last.Json.At("data").EnumerateArray().Select(t => t.Str("task_id")));
        Assert.Equal(5, all.Json.At("data").GetArrayLength());
        Assert.All(all.Json.At("data").EnumerateArray(), t => Assert.Equal("submitted", t.Str("task_status")));
        Assert.Equal(["submitted", "processing", "processing", "succeed"], statuses); // three list calls did not advance it
        Assert.Equal(3, emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.List));
        foreach (string query in new[] { "pageNum=0", "pageNum=1001", "pageSize=0", "pageSize=501", "pageNum=x", "pageSize=-1" })
        {
            AssertInvalid(await http.GetReplyAsync($"{Custom}?{query}"), "pageNum must be an integer in [1, 1000] and pageSize in [1, 500]");
            AssertInvalid(await http.GetReplyAsync($"{Presets}?{query}"), "pageNum must be an integer in [1, 1000] and pageSize in [1, 500]");
        }
    }

    [Fact]
    public async Task The_preset_list_shows_fixed_preset_elements_paged_without_deductions()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var all = await http.GetReplyAsync(Presets);
        var second = await http.GetReplyAsync($"{Presets}?pageNum=2&pageSize=1");
        var beyond = await http.GetReplyAsync($"{Presets}?pageNum=4&pageSize=1");

        AssertOk(all);
        var tasks = all.Json.At("data").EnumerateArray().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal("succeed", t.Str("task_status"));
            Assert.False(t.TryGetProperty("final_unit_deduction", out _));
            Assert.False(t.TryGetProperty("final_balance_deduction", out _));
            var element = Assert.Single(t.At("task_result", "elements").EnumerateArray());
            Assert.Equal("kling", element.Str("owned_by"));
            Assert.Equal("succeed", element.Str("status"));
            Assert.True(element.GetProperty("element_id").GetInt64() > (1L << 53));
        });
        Assert.Equal(PresetId, tasks[0].At("task_result", "elements")[0].GetProperty("element_id").GetInt64());
        Assert.Equal(tasks[1].Str("task_id"), Assert.Single(second.Json.At("data").EnumerateArray()).Str("task_id"));
        Assert.Equal(0, beyond.Json.At("data").GetArrayLength());
    }

    [Fact]
    public async Task A_deleted_element_is_gone_from_the_list_shows_deleted_on_its_task_and_cannot_be_deleted_again()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        string keptTask = await CreateAsync(http);
        string taskId = await CreateAsync(http);
        var (_, task, _) = await PollAsync(http, taskId);
        string elementId = task.At("task_result", "elements")[0].GetProperty("element_id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var deleted = await http.PostAsync(Delete, new JsonObject { ["element_id"] = elementId });
        var list = await http.GetReplyAsync(Custom);
        var get = await http.GetReplyAsync($"{Custom}/{taskId}");
        var again = await http.PostAsync(Delete, new JsonObject { ["element_id"] = elementId });

        AssertOk(deleted);
        Assert.Matches("^[0-9]{18}$", deleted.Json.At("data").Str("task_id"));
        Assert.NotEqual(taskId, deleted.Json.At("data").Str("task_id"));
        Assert.Equal("succeed", deleted.Json.At("data").Str("task_status"));
        Assert.Equal([keptTask], list.Json.At("data").EnumerateArray().Select(t => t.Str("task_id")));
        AssertOk(get);
        Assert.Equal("deleted", get.Json.At("data", "task_result", "elements")[0].Str("status"));
        AssertInvalid(again, $"element not found: {elementId}");
        var delete = emulator.Requests.Where(r => r.Operation == EmulatorOperation.Delete).ToList();
        Assert.Equal(2, delete.Count);
        Assert.All(delete, r => Assert.Equal(("POST", Delete, "default"), (r.Method, r.Path, r.Account)));
    }

    [Theory]
    [InlineData("""{"element_id":"123"}""", "element not found: 123")]
    [InlineData("""{"element_id":"not-a-number"}""", "element not found: not-a-number")]
    [InlineData("""{"element_id":"760000000000000001"}""", "preset element 760000000000000001 cannot be deleted")]
    [InlineData("""{"element_id":870000000000000003}""", "element_id must be a non-empty string, not a number")]
    [InlineData("""{"element_id":""}""", "element_id must be a non-empty string, not a string")]
    [InlineData("""{}""", "element_id is required")]
    [InlineData("""{"element_id":"1","force":true}""", "unknown field: force")]
    public async Task A_delete_of_no_custom_element_or_with_a_wrong_body_is_refused_with_1201(string body, string messagePart)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, Delete, body);

        AssertInvalid(reply, messagePart);
    }

    [Fact]
    public async Task An_element_not_made_yet_or_of_another_account_cannot_be_deleted()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            Credentials = new EmulatorCredentials { AdditionalAccounts = [Eu] },
        });
        using var http = ApiKeyClient(emulator);
        using var eu = EmulatorHttp.Client(emulator, Eu.KlingApiKey);
        long made = await MakeElementAsync(http);
        await CreateAsync(http); // its id is the next one the emulator gives, two above the last
        string pending = (made + 2).ToString(CultureInfo.InvariantCulture);

        var pendingDelete = await http.PostAsync(Delete, new JsonObject { ["element_id"] = pending });
        var euDelete = await eu.PostAsync(Delete, new JsonObject { ["element_id"] = made.ToString(CultureInfo.InvariantCulture) });
        var ownDelete = await http.PostAsync(Delete, new JsonObject { ["element_id"] = made.ToString(CultureInfo.InvariantCulture) });

        AssertInvalid(pendingDelete, $"element not found: {pending}");
        AssertInvalid(euDelete, "element not found");
        AssertOk(ownDelete);
    }

    [Fact]
    public async Task A_scripted_failure_ends_the_element_task_failed_with_its_message_and_no_element()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RequireKnownElements = true });
        emulator.EnqueueElementLifecycle(new TaskLifecycle().Processing(polls: 1).Fails("the face is not visible"));
        using var http = ApiKeyClient(emulator);

        var (statuses, task, _) = await PollAsync(http, await CreateAsync(http));
        var next = await PollAsync(http, await CreateAsync(http));

        Assert.Equal(["processing", "failed"], statuses);
        Assert.Equal("the face is not visible", task.Str("task_status_msg"));
        Assert.False(task.TryGetProperty("task_result", out _));
        Assert.Equal(["submitted", "processing", "processing", "succeed"], next.Statuses); // one script, then the default
    }

    [Fact]
    public async Task The_element_routes_take_an_AK_SK_JWT_or_the_API_key_and_refuse_anything_else_with_401()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var jwt = EmulatorHttp.Client(emulator, KlingTokens.Create(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock.GetUtcNow()));
        using var none = EmulatorHttp.Client(emulator);
        using var wrong = EmulatorHttp.Client(emulator, "not-a-key");

        var created = await jwt.PostAsync(Custom, ImageBody());
        var anonymous = await none.GetReplyAsync(Presets);
        var unknown = await wrong.PostAsync(Delete, new JsonObject { ["element_id"] = "1" });

        AssertOk(created);
        Assert.Equal((HttpStatusCode.Unauthorized, 1001), (anonymous.Status, anonymous.Json.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Unauthorized, 1000), (unknown.Status, unknown.Json.GetProperty("code").GetInt32()));
        Assert.Equal(["default", null, null], emulator.Requests.Select(r => r.Account));
    }

    [Fact]
    public async Task Faults_and_the_request_log_apply_to_the_element_routes_by_operation()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.ServerError(503));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.UnknownStatus("frobnicating"));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Delete, EmulatorFault.KlingError(1302));
        using var http = ApiKeyClient(emulator);

        var refused = await http.PostAsync(Custom, ImageBody());
        string taskId = await CreateAsync(http);
        var odd = await http.GetReplyAsync($"{Custom}/{taskId}");
        var limited = await http.PostAsync(Delete, new JsonObject { ["element_id"] = "1" });

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 5001), (refused.Status, refused.Json.GetProperty("code").GetInt32()));
        Assert.Equal("frobnicating", odd.Json.At("data").Str("task_status"));
        Assert.Equal((HttpStatusCode.TooManyRequests, 1302), (limited.Status, limited.Json.GetProperty("code").GetInt32()));
        Assert.Equal(
            [(EmulatorOperation.Create, 1, Custom), (EmulatorOperation.Create, 2, Custom), (EmulatorOperation.Get, 1, $"{Custom}/{taskId}"), (EmulatorOperation.Delete, 1, Delete)],
            emulator.Requests.Select(r => (r.Operation, r.CallNumber, r.Path)));
        Assert.Contains("\"element_name\":\"Dancer\"", emulator.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_forgets_the_elements()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        string taskId = await CreateAsync(http, ImageBody("kept?"));

        emulator.Reset();

        AssertInvalid(await http.GetReplyAsync($"{Custom}/{taskId}"), "not found");
        AssertOk(await http.PostAsync(Custom, ImageBody("kept?")));
    }

    [Fact]
    public async Task By_default_a_motion_control_create_may_bind_any_well_formed_element_id()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        AssertOk(await http.PostAsync(Legacy, LegacyBody(42)));
        AssertOk(await http.PostAsync(V3, V2Body("42")));
    }

    [Fact]
    public async Task With_RequireKnownElements_a_legacy_create_binds_only_a_made_undeleted_element_of_the_account_or_a_preset()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            RequireKnownElements = true,
            Credentials = new EmulatorCredentials { AdditionalAccounts = [Eu] },
        });
        using var http = ApiKeyClient(emulator);
        using var eu = EmulatorHttp.Client(emulator, Eu.KlingApiKey);
        long made = await MakeElementAsync(http);
        string pendingTask = await CreateAsync(http);
        long pending = made + 2;

        var unknown = await http.PostAsync(Legacy, LegacyBody(829836802793406551));
        var notYet = await http.PostAsync(Legacy, LegacyBody(pending));
        var preset = await http.PostAsync(Legacy, LegacyBody(PresetId));
        var own = await http.PostAsync(Legacy, LegacyBody(made));
        var others = await eu.PostAsync(Legacy, LegacyBody(made));
        var without = await http.PostAsync(Legacy, VendorBodies.Kling());
        await PollAsync(http, pendingTask);
        var nowMade = await http.PostAsync(Legacy, LegacyBody(pending));
        AssertOk(await http.PostAsync(Delete, new JsonObject { ["element_id"] = made.ToString(CultureInfo.InvariantCulture) }));
        var deleted = await http.PostAsync(Legacy, LegacyBody(made));

        AssertInvalid(unknown, "element not found: 829836802793406551");
        AssertInvalid(notYet, $"element not found: {pending}");
        AssertOk(preset);
        AssertOk(own);
        AssertInvalid(others, $"element not found: {made}");
        AssertOk(without);
        AssertOk(nowMade);
        AssertInvalid(deleted, $"element not found: {made}");
        Assert.Equal(4, emulator.CreatedTaskCount(EmulatorProviders.Kling)); // the refused creates made no task
    }

    [Fact]
    public async Task With_RequireKnownElements_an_API_2_0_create_binds_only_a_known_element()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RequireKnownElements = true });
        using var http = ApiKeyClient(emulator);
        long made = await MakeElementAsync(http);

        var unknown = await http.PostAsync(V3, V2Body("829836802793406551"));
        var notDigits = await http.PostAsync(V3, V2Body("element-abc"));
        var preset = await http.PostAsync(V3, V2Body(PresetId.ToString(CultureInfo.InvariantCulture)));
        var own = await http.PostAsync(V3, V2Body(made.ToString(CultureInfo.InvariantCulture)));

        AssertInvalid(unknown, "element not found: 829836802793406551");
        AssertInvalid(notDigits, "element not found: element-abc");
        AssertOk(preset);
        AssertOk(own);
    }

    [Fact]
    public async Task PowerTokens_does_not_check_elements_even_with_RequireKnownElements()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RequireKnownElements = true });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        var body = VendorBodies.PowerTokens();
        body["element_list"] = new JsonArray(new JsonObject { ["element_id"] = 42 });

        AssertOk(await http.PostAsync("/kling/v1/videos/motion-control", body));
    }
}
