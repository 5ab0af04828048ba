using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>Kling API 2.0 motion control on the emulator, over plain HTTP (the wire, not an SDK client).</summary>
public class KlingV2EmulatorTests
{
    private const string V3 = "/motion-control/kling-3.0";
    private const string V26 = "/motion-control/kling-2.6";
    private const string Tasks = "/tasks";

    private static HttpClient ApiKeyClient(MotionControlEmulator emulator) => EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

    private static JsonObject Body(string? externalId = null, bool watermark = false, string resolution = "720p")
    {
        var options = new JsonObject { ["watermark_info"] = new JsonObject { ["enabled"] = watermark } };
        if (externalId is not null)
        {
            options["external_task_id"] = externalId;
        }

        return new JsonObject
        {
            ["contents"] = new JsonArray(
                new JsonObject { ["type"] = "prompt", ["text"] = "a dancer in a studio" },
                new JsonObject { ["type"] = "image", ["url"] = VendorBodies.ImageUrl },
                new JsonObject { ["type"] = "video", ["url"] = VendorBodies.VideoUrl }),
            ["settings"] = new JsonObject { ["character_orientation"] = "video", ["audio"] = "original", ["resolution"] = resolution },
            ["options"] = options,
        };
    }

    private static JsonObject Element(string elementId = "829836802793406551", string id = "element_1") =>
        new() { ["type"] = "element", ["element_id"] = elementId, ["id"] = id };

    private static async Task<string> CreateAsync(HttpClient http, string path = V3, JsonObject? body = null)
    {
        var created = await http.PostAsync(path, body ?? Body());
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created.Json.At("data").Str("id");
    }

    private static List<string> Ids(JsonElement tasks) => [.. tasks.EnumerateArray().Select(t => t.Str("id"))];

    private static void AssertInvalid(Reply reply, string messagePart)
    {
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32());
        Assert.Contains(messagePart, reply.Json.Str("message"), StringComparison.Ordinal);
        Assert.False(reply.Json.TryGetProperty("data", out _));
    }

    private static JsonObject ListBody(int? limit = null, string? cursor = null, params (string Key, string[] Values)[] filters)
    {
        var body = new JsonObject();
        if (limit is not null)
        {
            body["limit"] = limit;
        }

        if (cursor is not null)
        {
            body["cursor"] = cursor;
        }

        if (filters.Length > 0)
        {
            body["filters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject { ["key"] = f.Key, ["values"] = new JsonArray([.. f.Values.Select(v => (JsonNode)v)]) })]);
        }

        return body;
    }

    [Theory]
    [InlineData(V3)]
    [InlineData(V26)]
    public async Task Create_replies_submitted_with_id_times_and_external_id_only_when_given(string path)
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = ApiKeyClient(emulator);

        var withExternal = await http.PostAsync(path, Body(externalId: "order-7"));
        var without = await http.PostAsync(path, Body());

        Assert.Equal(HttpStatusCode.OK, withExternal.Status);
        Assert.Equal(0, withExternal.Json.GetProperty("code").GetInt32());
        Assert.Equal("SUCCEED", withExternal.Json.Str("message"));
        Assert.False(string.IsNullOrEmpty(withExternal.Json.Str("request_id")));
        var data = withExternal.Json.At("data");
        Assert.Matches("^[0-9]{18}$", data.Str("id"));
        Assert.Equal("submitted", data.Str("status"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), data.GetProperty("create_time").GetInt64());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), data.GetProperty("update_time").GetInt64());
        Assert.Equal("order-7", data.Str("external_id"));
        Assert.False(without.Json.At("data").TryGetProperty("external_id", out _));
        Assert.False(data.TryGetProperty("task_id", out _));

        var task = emulator.FindTask(EmulatorProviders.Kling, "order-7");
        Assert.NotNull(task);
        Assert.Equal(data.Str("id"), task.Id);
        Assert.Equal(EmulatorCredentials.DefaultAccountName, task.Account);
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Create_takes_an_element_on_kling_3_0_a_raw_base64_image_and_every_documented_setting()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = Body(externalId: "x-1", watermark: true, resolution: "1080p");
        var contents = (JsonArray)body["contents"]!;
        contents[1]!["url"] = Convert.ToBase64String(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5 });
        contents.Add(Element());
        body["settings"]!["character_orientation"] = "image";
        body["settings"]!["audio"] = "off";
        body["options"]!["callback_url"] = "https://example.com/hook";

        var created = await http.PostAsync(V3, body);

        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
    }

    [Theory]
    [InlineData("unknown top-level field", V3, "unknown field: model_name")]
    [InlineData("legacy image_url", V3, "unknown field: image_url")]
    [InlineData("unknown settings field", V3, "unknown field: settings.mode")]
    [InlineData("unknown content field", V3, "unknown field: contents[1].image_url")]
    [InlineData("unknown watermark field", V3, "unknown field: options.watermark_info.visible")]
    [InlineData("unknown options field", V3, "unknown field: options.callback")]
    [InlineData("contents not an array", V3, "contents must be an array, not an object")]
    [InlineData("no contents", V3, "contents is required")]
    [InlineData("orientation a number", V3, "settings.character_orientation must be one of: image, video")]
    [InlineData("orientation missing", V3, "settings.character_orientation is required")]
    [InlineData("settings missing", V26, "settings is required")]
    [InlineData("audio a boolean", V3, "settings.audio must be one of: original, off")]
    [InlineData("resolution 4k", V3, "settings.resolution must be one of: 720p, 1080p")]
    [InlineData("watermark enabled a string", V3, "options.watermark_info.enabled must be a boolean, not a string")]
    [InlineData("external id a number", V3, "options.external_task_id must be a non-empty string, not a number")]
    [InlineData("element on 2.6", V26, "element items are supported only on kling-3.0")]
    [InlineData("two elements", V3, "at most one element item")]
    [InlineData("element_id a number", V3, "contents[3].element_id must be a non-empty string, not a number")]
    [InlineData("element without id", V3, "contents[3].id is required")]
    [InlineData("prompt too long", V3, "contents[0].text must be at most 2500 characters")]
    [InlineData("two prompts", V3, "at most one prompt item")]
    [InlineData("two images", V3, "exactly one image item, not 2")]
    [InlineData("no video", V26, "exactly one video item, not 0")]
    [InlineData("unknown content type", V3, "contents[2].type must be one of: prompt, image, video, element")]
    [InlineData("data uri image", V3, "remove 'data:image/...;base64,'")]
    [InlineData("video not a url", V3, "contents[2].url must be an http(s) URL")]
    public async Task Create_refuses_a_body_off_the_contract_with_1201_naming_the_field(string mutation, string path, string message)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = Body();
        var contents = (JsonArray)body["contents"]!;
        var settings = (JsonObject)body["settings"]!;
        var options = (JsonObject)body["options"]!;
        switch (mutation)
        {
            case "unknown top-level field":
                body["model_name"] = "kling-v3";
                break;
            case "legacy image_url":
                body["image_url"] = VendorBodies.ImageUrl;
                break;
            case "unknown settings field":
                settings["mode"] = "pro";
                break;
            case "unknown content field":
                contents[1]!["image_url"] = VendorBodies.ImageUrl;
                break;
            case "unknown watermark field":
                options["watermark_info"]!["visible"] = true;
                break;
            case "unknown options field":
                options["callback"] = "https://example.com/hook";
                break;
            case "contents not an array":
                body["contents"] = new JsonObject { ["type"] = "image" };
                break;
            case "no contents":
                body.Remove("contents");
                break;
            case "orientation a number":
                settings["character_orientation"] = 1;
                break;
            case "orientation missing":
                settings.Remove("character_orientation");
                break;
            case "settings missing":
                body.Remove("settings");
                break;
            case "audio a boolean":
                settings["audio"] = true;
                break;
            case "resolution 4k":
                settings["resolution"] = "4k";
                break;
            case "watermark enabled a string":
                options["watermark_info"]!["enabled"] = "false";
                break;
            case "external id a number":
                options["external_task_id"] = 42;
                break;
            case "element on 2.6":
                contents.Add(Element());
                break;
            case "two elements":
                contents.Add(Element());
                contents.Add(Element("2", "element_2"));
                break;
            case "element_id a number":
                contents.Add(new JsonObject { ["type"] = "element", ["element_id"] = 829836802793406551L, ["id"] = "element_1" });
                break;
            case "element without id":
                contents.Add(new JsonObject { ["type"] = "element", ["element_id"] = "1" });
                break;
            case "prompt too long":
                contents[0]!["text"] = new string('a', 2501);
                break;
            case "two prompts":
                contents.Add(new JsonObject { ["type"] = "prompt", ["text"] = "again" });
                break;
            case "two images":
                contents.Add(new JsonObject { ["type"] = "image", ["url"] = VendorBodies.ImageUrl });
                break;
            case "no video":
                contents.RemoveAt(2);
                break;
            case "unknown content type":
                contents[2]!["type"] = "audio";
                break;
            case "data uri image":
                contents[1]!["url"] = "data:image/png;base64,iVBORw0KGgo=";
                break;
            case "video not a url":
                contents[2]!["url"] = "dance.mp4";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }

        var reply = await http.PostAsync(path, body);

        AssertInvalid(reply, message);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task A_prompt_of_exactly_2500_characters_is_taken()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = Body();
        body["contents"]![0]!["text"] = new string('a', 2500);

        var reply = await http.PostAsync(V26, body);

        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_1200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, V3, "[1,2]");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1200, reply.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public void Base64_images_are_limited_to_50_MB_decoded()
    {
        Assert.Equal(50L * 1024 * 1024, KlingV2BodyValidator.MaxImageBytes);
        Assert.Equal(3, KlingV2BodyValidator.DecodedLength("AAAA"));
        Assert.Equal(4, KlingV2BodyValidator.DecodedLength("AAAAAA==\r\n"));
    }

    [Fact]
    public async Task A_kling_jwt_is_refused_with_401_code_1000_on_every_route_though_the_legacy_routes_take_it()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        string jwt = KlingTokens.Create(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock.GetUtcNow());
        using var http = EmulatorHttp.Client(emulator, jwt);

        var legacy = await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling());
        var create = await http.PostAsync(V3, Body());
        var get = await http.GetReplyAsync($"{Tasks}?task_ids=1");
        var list = await http.PostAsync(Tasks, ListBody());

        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        foreach (var reply in new[] { create, get, list })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
            Assert.Equal(1000, reply.Json.GetProperty("code").GetInt32());
            Assert.Contains("API key", reply.Json.Str("message"), StringComparison.Ordinal);
        }

        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Null(emulator.Requests.Single(r => r.Path == V3).Account);
    }

    [Fact]
    public async Task Missing_or_unknown_bearer_is_refused_with_1001_or_1000()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var none = EmulatorHttp.Client(emulator);
        using var wrong = EmulatorHttp.Client(emulator, "not-a-key");

        var empty = await none.PostAsync(V26, Body());
        var unknown = await wrong.PostAsync(V26, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, empty.Status);
        Assert.Equal(1001, empty.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(1000, unknown.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_reused_external_task_id_is_refused_with_1201_and_creates_nothing_even_across_models()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        await CreateAsync(http, V3, Body(externalId: "idem-1"));

        var again = await http.PostAsync(V26, Body(externalId: "idem-1"));

        AssertInvalid(again, "external_task_id 'idem-1' already exists");
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Batch_get_returns_the_known_ids_in_the_order_asked_and_leaves_unknown_ones_out()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        string a = await CreateAsync(http, V3, Body(externalId: "ext-a"));
        string b = await CreateAsync(http, V26, Body(externalId: "ext-b"));
        string c = await CreateAsync(http);

        var byId = await http.GetReplyAsync($"{Tasks}?task_ids={c},999,{a}");
        var byExternal = await http.GetReplyAsync($"{Tasks}?external_task_ids=ext-b,nope,ext-a");
        var none = await http.GetReplyAsync($"{Tasks}?task_ids=999,998");
        var externalIdAsTaskId = await http.GetReplyAsync($"{Tasks}?task_ids=ext-a");

        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal(0, byId.Json.GetProperty("code").GetInt32());
        Assert.Equal([c, a], Ids(byId.Json.GetProperty("data")));
        Assert.Equal([b, a], Ids(byExternal.Json.GetProperty("data")));
        Assert.Equal("ext-b", byExternal.Json.GetProperty("data")[0].Str("external_id"));
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal(0, none.Json.GetProperty("data").GetArrayLength());
        Assert.Equal(0, externalIdAsTaskId.Json.GetProperty("data").GetArrayLength());
        Assert.Equal(1, emulator.FindTask(EmulatorProviders.Kling, c)!.PollCount);
        Assert.Equal(2, emulator.FindTask(EmulatorProviders.Kling, a)!.PollCount);
        Assert.Equal(1, emulator.FindTask(EmulatorProviders.Kling, b)!.PollCount);
    }

    [Fact]
    public async Task Batch_get_takes_20_ids_and_refuses_21()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        string known = await CreateAsync(http);
        var twenty = string.Join(",", Enumerable.Range(1, 19).Select(i => i.ToString()).Append(known));
        var twentyOne = twenty + ",21";

        var ok = await http.GetReplyAsync($"{Tasks}?task_ids={twenty}");
        var refused = await http.GetReplyAsync($"{Tasks}?external_task_ids={twentyOne}");

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal([known], Ids(ok.Json.GetProperty("data")));
        AssertInvalid(refused, "at most 20 ids");
    }

    [Theory]
    [InlineData("?task_ids=1&external_task_ids=x", "mutually exclusive")]
    [InlineData("", "task_ids or external_task_ids is required")]
    [InlineData("?ids=1", "task_ids or external_task_ids is required")]
    [InlineData("?task_ids=", "task_ids is empty")]
    public async Task Batch_get_needs_exactly_one_of_the_two_id_parameters(string query, string message)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.GetReplyAsync(Tasks + query);

        AssertInvalid(reply, message);
    }

    [Fact]
    public async Task Task_goes_submitted_processing_succeeded_with_outputs_and_billing()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = ApiKeyClient(emulator);
        string id = await CreateAsync(http, V3, Body(externalId: "ext-1", watermark: true, resolution: "1080p"));

        var statuses = new List<string>();
        JsonElement task;
        do
        {
            var polled = await http.GetReplyAsync($"{Tasks}?task_ids={id}");
            Assert.Equal(HttpStatusCode.OK, polled.Status);
            task = polled.Json.GetProperty("data")[0];
            statuses.Add(task.Str("status"));
            if (task.Str("status") != "succeeded")
            {
                Assert.False(task.TryGetProperty("outputs", out _));
                Assert.False(task.TryGetProperty("billing", out _));
            }
        }
        while (statuses.Count < 10 && task.Str("status") is not ("succeeded" or "failed"));

        Assert.Equal(["submitted", "processing", "processing", "succeeded"], statuses);
        Assert.Equal(id, task.Str("id"));
        Assert.Equal("ext-1", task.Str("external_id"));
        Assert.Equal(string.Empty, task.Str("message"));
        var output = Assert.Single(task.GetProperty("outputs").EnumerateArray());
        Assert.Equal("video", output.Str("type"));
        Assert.False(string.IsNullOrEmpty(output.Str("id")));
        Assert.Equal(JsonValueKind.String, output.GetProperty("duration").ValueKind);
        Assert.Equal("5.0", output.Str("duration"));
        var url = new Uri(output.Str("url"));
        Assert.Equal(emulator.BaseAddress.Authority, url.Authority);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await http.GetByteArrayAsync(url));
        Assert.EndsWith("-watermark.mp4", output.Str("watermark_url"), StringComparison.Ordinal);
        var billing = Assert.Single(task.GetProperty("billing").EnumerateArray());
        Assert.Equal("unit", billing.Str("charge_type"));
        Assert.Equal("10", billing.Str("amount"));
        Assert.Equal("video", billing.Str("package_type"));
        Assert.Equal(4, emulator.FindTask(EmulatorProviders.Kling, id)!.PollCount);
    }

    [Fact]
    public async Task A_720p_task_without_watermark_bills_5_units_and_has_no_watermark_url()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds(videoCount: 2, videoDurationSeconds: 7.5));
        using var http = ApiKeyClient(emulator);
        string id = await CreateAsync(http, V26);

        var task = (await http.GetReplyAsync($"{Tasks}?task_ids={id}")).Json.GetProperty("data")[0];

        Assert.Equal("succeeded", task.Str("status"));
        Assert.Equal(2, task.GetProperty("outputs").GetArrayLength());
        Assert.All(task.GetProperty("outputs").EnumerateArray(), o => Assert.False(o.TryGetProperty("watermark_url", out _)));
        Assert.Equal("7.5", task.GetProperty("outputs")[1].Str("duration"));
        Assert.Equal("5", task.GetProperty("billing")[0].Str("amount"));
    }

    [Fact]
    public async Task A_failed_task_says_failed_with_the_reason_in_message_and_no_outputs()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().FailsWithContentPolicyViolation());
        using var http = ApiKeyClient(emulator);
        string id = await CreateAsync(http);

        var task = (await http.GetReplyAsync($"{Tasks}?task_ids={id}")).Json.GetProperty("data")[0];

        Assert.Equal("failed", task.Str("status"));
        Assert.Equal(TaskOutcome.DefaultContentPolicyMessage, task.Str("message"));
        Assert.False(task.TryGetProperty("outputs", out _));
        Assert.False(task.TryGetProperty("billing", out _));
    }

    [Fact]
    public async Task Cursor_list_filters_by_status_on_the_emulator()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var done = new List<string>();
        var waiting = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle());
            done.Add(await CreateAsync(http));
            emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Queued(polls: 5).Succeeds());
            waiting.Add(await CreateAsync(http, V26));
        }

        var succeeded = await http.PostAsync(Tasks, ListBody(filters: ("status", ["succeeded"])));
        var submitted = await http.PostAsync(Tasks, ListBody(filters: ("status", ["submitted", "failed"])));
        var both = await http.PostAsync(Tasks, ListBody(filters: [("status", ["succeeded", "submitted"]), ("product_type", ["video"])]));
        var otherProduct = await http.PostAsync(Tasks, ListBody(filters: ("product_type", ["image"])));
        var all = await http.PostAsync(Tasks, ListBody());

        Assert.True(succeeded.Status == HttpStatusCode.OK, succeeded.ToString());
        var data = succeeded.Json.GetProperty("data");
        Assert.Equal([done[2], done[1], done[0]], Ids(data.GetProperty("result")));
        Assert.All(data.GetProperty("result").EnumerateArray(), t => Assert.Equal("succeeded", t.Str("status")));
        Assert.Equal(3, data.GetProperty("count").GetInt32());
        Assert.False(data.GetProperty("has_more").GetBoolean());
        Assert.Equal(string.Empty, data.Str("next_cursor"));
        Assert.Equal([waiting[2], waiting[1], waiting[0]], Ids(submitted.Json.At("data", "result")));
        Assert.Equal(6, both.Json.At("data", "count").GetInt32());
        Assert.Equal(0, otherProduct.Json.At("data", "count").GetInt32());
        Assert.Equal(6, all.Json.At("data", "result").GetArrayLength());
        Assert.All(emulator.GetTasks(EmulatorProviders.Kling), t => Assert.Equal(0, t.PollCount));
    }

    [Fact]
    public async Task Cursor_list_pages_newest_first_over_three_pages_and_new_tasks_do_not_shift_them()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var ids = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            ids.Add(await CreateAsync(http, i % 2 == 0 ? V3 : V26));
        }

        ids.Reverse();
        var seen = new List<string>();
        var hasMore = new List<bool>();
        string? cursor = null;
        int pages = 0;
        do
        {
            var reply = await http.PostAsync(Tasks, ListBody(limit: 3, cursor: cursor));
            Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
            var data = reply.Json.GetProperty("data");
            seen.AddRange(Ids(data.GetProperty("result")));
            Assert.Equal(data.GetProperty("result").GetArrayLength(), data.GetProperty("count").GetInt32());
            hasMore.Add(data.GetProperty("has_more").GetBoolean());
            cursor = data.Str("next_cursor");
            if (pages++ == 0)
            {
                // Created after the first page: newer than the window's first page, so never on a later one.
                await CreateAsync(http);
            }
        }
        while (hasMore[^1] && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal([true, true, false], hasMore);
        Assert.Equal(string.Empty, cursor);
        Assert.Equal(ids, seen);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"10\"")]
    public async Task Cursor_list_refuses_a_limit_out_of_1_to_500(string limit)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, Tasks, $"{{\"limit\":{limit}}}");

        AssertInvalid(reply, "limit must be an integer in [1, 500]");
    }

    [Fact]
    public async Task Cursor_list_takes_limits_1_and_500_and_defaults_to_100()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        for (int i = 0; i < 101; i++)
        {
            await CreateAsync(http);
        }

        var one = await http.PostAsync(Tasks, ListBody(limit: 1));
        var max = await http.PostAsync(Tasks, ListBody(limit: 500));
        var fallback = await http.PostAsync(Tasks, ListBody());
        var noBody = await http.SendAsync(HttpMethod.Post, Tasks, null);

        Assert.Equal(1, one.Json.At("data", "count").GetInt32());
        Assert.True(one.Json.At("data", "has_more").GetBoolean());
        Assert.Equal(101, max.Json.At("data", "count").GetInt32());
        Assert.False(max.Json.At("data", "has_more").GetBoolean());
        Assert.Equal(100, fallback.Json.At("data", "count").GetInt32());
        Assert.True(fallback.Json.At("data", "has_more").GetBoolean());
        Assert.Equal(100, noBody.Json.At("data", "count").GetInt32());
    }

    [Theory]
    [InlineData("{\"filters\":[{\"key\":\"model\",\"values\":[\"kling-3.0\"]}]}", "filters[0].key must be one of: status, product_type")]
    [InlineData("{\"filters\":[{\"key\":\"status\",\"values\":[\"succeed\"]}]}", "unknown status 'succeed'")]
    [InlineData("{\"filters\":[{\"key\":\"status\",\"values\":[]}]}", "filters[0].values must be a non-empty array of strings")]
    [InlineData("{\"filters\":[{\"key\":\"status\",\"values\":\"succeeded\"}]}", "filters[0].values must be a non-empty array of strings")]
    [InlineData("{\"filters\":[{\"key\":\"status\",\"values\":[\"succeeded\"],\"op\":\"in\"}]}", "unknown field: filters[0].op")]
    [InlineData("{\"filters\":{\"status\":\"succeeded\"}}", "filters must be an array")]
    [InlineData("{\"page\":1}", "unknown field: page")]
    [InlineData("{\"cursor\":\"not-a-cursor\"}", "cursor is not a next_cursor")]
    [InlineData("{\"cursor\":5}", "cursor must be a string")]
    [InlineData("{\"start_time\":\"yesterday\"}", "start_time must be Unix milliseconds")]
    [InlineData("{\"end_time\":true}", "end_time must be Unix milliseconds")]
    [InlineData("{\"start_time\":2000,\"end_time\":\"1000\"}", "start_time must be before end_time")]
    public async Task Cursor_list_refuses_unknown_filters_fields_and_bad_windows(string body, string message)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, Tasks, body);

        AssertInvalid(reply, message);
    }

    [Fact]
    public async Task Cursor_list_keeps_to_the_creation_window_given_as_strings_or_numbers()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = ApiKeyClient(emulator);
        long t0 = clock.GetUtcNow().ToUnixTimeMilliseconds();
        string old = await CreateAsync(http);
        clock.Advance(TimeSpan.FromHours(1));
        string recent = await CreateAsync(http);
        clock.Advance(TimeSpan.FromDays(31));
        string latest = await CreateAsync(http);

        var asStrings = await http.PostAsync(Tasks, new JsonObject { ["start_time"] = (t0 + 1).ToString(), ["end_time"] = (t0 + 3_600_000).ToString() });
        var asNumbers = await http.PostAsync(Tasks, new JsonObject { ["start_time"] = t0, ["end_time"] = t0 + 3_599_999 });
        var defaultWindow = await http.PostAsync(Tasks, new JsonObject());

        Assert.Equal([recent], Ids(asStrings.Json.At("data", "result")));
        Assert.Equal([old], Ids(asNumbers.Json.At("data", "result")));
        Assert.Equal([latest], Ids(defaultWindow.Json.At("data", "result")));
    }

    [Fact]
    public async Task Another_account_sees_none_of_the_tasks_on_get_or_list()
    {
        var eu = new EmulatorAccount("eu") { KlingApiKey = "eu-kling-api-key" };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [eu] } });
        using var http = ApiKeyClient(emulator);
        using var euHttp = EmulatorHttp.Client(emulator, eu.KlingApiKey);
        string id = await CreateAsync(http, V3, Body(externalId: "shared"));
        string euId = await CreateAsync(euHttp, V3, Body(externalId: "shared"));

        var euGet = await euHttp.GetReplyAsync($"{Tasks}?task_ids={id},{euId}");
        var euByExternal = await euHttp.GetReplyAsync($"{Tasks}?external_task_ids=shared");
        var euList = await euHttp.PostAsync(Tasks, ListBody());

        Assert.Equal([euId], Ids(euGet.Json.GetProperty("data")));
        Assert.Equal([euId], Ids(euByExternal.Json.GetProperty("data")));
        Assert.Equal([euId], Ids(euList.Json.At("data", "result")));
        Assert.Equal("eu", emulator.FindTask(EmulatorProviders.Kling, euId)!.Account);
    }

    [Fact]
    public async Task Legacy_and_api_2_0_tasks_share_the_kling_store()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle());
        using var http = ApiKeyClient(emulator);
        string legacy = (await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling())).Json.At("data").Str("task_id");
        string v2 = await CreateAsync(http);

        var onV2 = await http.GetReplyAsync($"{Tasks}?task_ids={legacy}");
        var onLegacy = await http.GetReplyAsync($"/v1/videos/motion-control/{v2}");

        Assert.Equal("succeeded", onV2.Json.GetProperty("data")[0].Str("status"));
        Assert.Equal(HttpStatusCode.OK, onLegacy.Status);
        Assert.Equal(v2, onLegacy.Json.At("data").Str("task_id"));
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Faults_by_operation_hit_api_2_0_create_get_and_list()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(3)));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.ServerError(503));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.List, EmulatorFault.UnknownStatus("frobnicating"));
        using var http = ApiKeyClient(emulator);

        var limited = await http.PostAsync(V3, Body());
        string id = await CreateAsync(http, V26);
        var unavailable = await http.GetReplyAsync($"{Tasks}?task_ids={id}");
        var odd = await http.PostAsync(Tasks, ListBody());
        var fine = await http.GetReplyAsync($"{Tasks}?task_ids={id}");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("3", limited.Header("Retry-After"));
        Assert.Equal(1302, limited.Json.GetProperty("code").GetInt32());
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Status);
        Assert.Equal(5001, unavailable.Json.GetProperty("code").GetInt32());
        Assert.Equal("frobnicating", odd.Json.At("data", "result")[0].Str("status"));
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Equal(2, emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Create));
        Assert.Equal(2, emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.Equal(1, emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.List));
    }

    [Fact]
    public async Task An_aborted_api_2_0_create_still_creates_its_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.Abort());
        using var http = ApiKeyClient(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(V3, Body(externalId: "lost-reply")));

        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.NotNull(emulator.FindTask(EmulatorProviders.Kling, "lost-reply"));
    }

    [Fact]
    public async Task The_request_log_records_api_2_0_calls_with_provider_operation_and_account_and_no_key()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        string id = await CreateAsync(http);
        await http.GetReplyAsync($"{Tasks}?task_ids={id}");
        await http.PostAsync(Tasks, ListBody(limit: 5));

        var log = emulator.Requests;

        Assert.Equal(
            ["POST /motion-control/kling-3.0 Create", $"GET /tasks?task_ids={id} Get", "POST /tasks List"],
            log.Select(r => $"{r.Method} {r.Path}{r.Query} {r.Operation}"));
        Assert.All(log, r => Assert.Equal(EmulatorProviders.Kling, r.Provider));
        Assert.All(log, r => Assert.Equal(EmulatorCredentials.DefaultAccountName, r.Account));
        Assert.All(log, r => Assert.DoesNotContain(emulator.Credentials.KlingApiKey, r.Headers["Authorization"], StringComparison.Ordinal));
        Assert.Contains("\"limit\":5", log[2].Body, StringComparison.Ordinal);
    }
}
