using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class KlingEmulatorTests
{
    private const string Path = "/v1/videos/motion-control";

    private static HttpClient ApiKeyClient(MotionControlEmulator emulator) => EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

    [Fact]
    public async Task Task_goes_submitted_processing_succeed_with_an_absolute_downloadable_video_url()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = EmulatorHttp.Client(emulator, KlingTokens.Create(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock.GetUtcNow()));

        var created = await http.PostAsync(Path, VendorBodies.Kling());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(0, created.Json.GetProperty("code").GetInt32());
        Assert.Equal("SUCCEED", created.Json.Str("message"));
        Assert.False(string.IsNullOrEmpty(created.Json.Str("request_id")));
        var data = created.Json.GetProperty("data");
        string taskId = data.Str("task_id");
        Assert.Equal("submitted", data.Str("task_status"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), data.GetProperty("created_at").GetInt64());
        Assert.Matches("^[0-9]{18}$", taskId);

        var statuses = new List<string>();
        JsonElement task;
        do
        {
            var polled = await http.GetReplyAsync($"{Path}/{taskId}");
            Assert.Equal(HttpStatusCode.OK, polled.Status);
            task = polled.Json.GetProperty("data");
            statuses.Add(task.Str("task_status"));
        }
        while (statuses.Count < 10 && task.Str("task_status") is not ("succeed" or "failed"));

        Assert.Equal(["submitted", "processing", "processing", "succeed"], statuses);
        var video = task.At("task_result", "videos")[0];
        Assert.Equal("5.0", video.Str("duration"));
        Assert.False(string.IsNullOrEmpty(video.Str("id")));
        var url = new Uri(video.Str("url"));
        Assert.True(url.IsAbsoluteUri);
        Assert.Equal(emulator.BaseAddress.Authority, url.Authority);
        Assert.Equal(string.Empty, task.Str("task_status_msg"));
        Assert.False(task.At("watermark_info", "enabled").GetBoolean());

        byte[] mp4 = await http.GetByteArrayAsync(url);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), mp4);
        Assert.Equal(4, emulator.FindTask(EmulatorProviders.Kling, taskId)!.PollCount);
    }

    [Fact]
    public async Task Get_matches_the_external_task_id_as_well_as_the_task_id()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VendorBodies.Kling();
        body["external_task_id"] = "order-42";

        var created = await http.PostAsync(Path, body);
        string taskId = created.Json.At("data").Str("task_id");
        Assert.Equal("order-42", created.Json.At("data", "task_info").Str("external_task_id"));

        var byExternal = await http.GetReplyAsync($"{Path}/order-42");

        Assert.Equal(HttpStatusCode.OK, byExternal.Status);
        Assert.Equal(taskId, byExternal.Json.At("data").Str("task_id"));
        Assert.Equal("order-42", byExternal.Json.At("data", "task_info").Str("external_task_id"));
    }

    [Fact]
    public async Task A_reused_external_task_id_is_rejected_with_1201_and_creates_nothing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VendorBodies.Kling();
        body["external_task_id"] = "idem-1";
        await http.PostAsync(Path, body);

        var again = await http.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(1201, again.Json.GetProperty("code").GetInt32());
        Assert.Contains("external_task_id", again.Json.Str("message"), StringComparison.Ordinal);
        Assert.Contains("already exists", again.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Unknown_task_answers_400_with_1201_not_found()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.GetReplyAsync($"{Path}/999");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32());
        Assert.Equal("Task not found by id/external id: 999", reply.Json.Str("message"));
    }

    [Fact]
    public async Task List_returns_an_array_newest_first_paged_by_pageNum_and_pageSize()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await http.PostAsync(Path, VendorBodies.Kling())).Json.At("data").Str("task_id"));
        }

        var firstPage = await http.GetReplyAsync($"{Path}?pageNum=1&pageSize=2");
        var lastPage = await http.GetReplyAsync($"{Path}?pageNum=3&pageSize=2");
        var defaults = await http.GetReplyAsync(Path);

        Assert.Equal(JsonValueKind.Array, firstPage.Json.GetProperty("data").ValueKind);
        Assert.Equal([ids[4], ids[3]], firstPage.Json.GetProperty("data").EnumerateArray().Select(t => t.Str("task_id")));
        Assert.Equal([ids[0]], lastPage.Json.GetProperty("data").EnumerateArray().Select(t => t.Str("task_id")));
        Assert.Equal(5, defaults.Json.GetProperty("data").GetArrayLength());
        Assert.All(emulator.GetTasks(EmulatorProviders.Kling), t => Assert.Equal(0, t.PollCount));
    }

    [Theory]
    [InlineData("pageNum=0")]
    [InlineData("pageNum=1001")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    [InlineData("pageNum=abc")]
    public async Task List_rejects_page_parameters_out_of_range(string query)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.GetReplyAsync($"{Path}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task List_accepts_the_documented_bounds()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        Assert.Equal(HttpStatusCode.OK, (await http.GetReplyAsync($"{Path}?pageNum=1000&pageSize=500")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetReplyAsync($"{Path}?pageNum=1&pageSize=1")).Status);
    }

    public static TheoryData<string, JsonNode?, string> RejectedFields => new()
    {
        { "keep_original_sound", JsonValue.Create(true), "keep_original_sound" },
        { "keep_original_sound", JsonValue.Create("maybe"), "keep_original_sound" },
        { "image_url", JsonValue.Create("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUA"), "data:" },
        { "image_url", JsonValue.Create("not a url or base64"), "image_url" },
        { "image_url", null, "image_url is required" },
        { "video_url", JsonValue.Create("ftp://example.com/dance.mp4"), "video_url" },
        { "video_url", JsonValue.Create("dance.mp4"), "video_url" },
        { "character_orientation", JsonValue.Create("sideways"), "character_orientation" },
        { "character_orientation", null, "character_orientation is required" },
        { "mode", null, "mode is required" },
        { "mode", JsonValue.Create("turbo"), "mode" },
        { "model_name", JsonValue.Create("kling-v1"), "model_name" },
        { "prompt", JsonValue.Create(new string('x', 2501)), "2500" },
        { "prompt", JsonValue.Create(12), "prompt" },
        { "element_list", new JsonArray(new JsonObject { ["element_id"] = 1 }, new JsonObject { ["element_id"] = 2 }), "at most 1" },
        { "element_list", new JsonArray(new JsonObject { ["element_id"] = "829836802793406551" }), "element_id" },
        { "element_list", new JsonArray(new JsonObject { ["element_id"] = 1.5 }), "element_id" },
        { "element_list", new JsonObject { ["element_id"] = 1 }, "element_list" },
        { "watermark_info", new JsonObject { ["enabled"] = "true" }, "watermark_info.enabled" },
        { "watermark_info", JsonValue.Create(true), "watermark_info" },
        { "external_task_id", JsonValue.Create(42), "external_task_id" },
        { "callback_url", JsonValue.Create("not-a-url"), "callback_url" },
    };

    [Theory]
    [MemberData(nameof(RejectedFields))]
    public async Task Create_rejects_a_wrong_wire_shape_with_400_and_1201(string field, JsonNode? value, string messagePart)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VendorBodies.Kling();
        body.Remove(field);
        if (value is not null)
        {
            body[field] = value.DeepClone();
        }

        var reply = await http.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32());
        Assert.Contains(messagePart, reply.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Create_rejects_a_body_that_is_not_a_json_object_with_1200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, Path, "[1,2]");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(1200, reply.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Create_accepts_the_full_documented_body_raw_base64_a_big_element_id_and_unknown_fields()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = ApiKeyClient(emulator);
        var body = VendorBodies.Kling("kling-v3");
        body["image_url"] = "iVBORw0KGgoAAAANSUhEUgAAAAUA";
        body["mode"] = "pro";
        body["keep_original_sound"] = "no";
        body["element_list"] = new JsonArray(new JsonObject { ["element_id"] = 829836802793406551L });
        body["watermark_info"] = new JsonObject { ["enabled"] = true };
        body["callback_url"] = "https://example.com/hook";
        body["some_future_field"] = new JsonObject { ["x"] = 1 };
        body.Remove("model_name");

        var reply = await http.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Watermarked_tasks_return_watermark_urls_and_report_the_watermark_setting()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds(videoCount: 2, videoDurationSeconds: 7.5));
        using var http = ApiKeyClient(emulator);
        var body = VendorBodies.Kling();
        body["watermark_info"] = new JsonObject { ["enabled"] = true };
        string id = (await http.PostAsync(Path, body)).Json.At("data").Str("task_id");

        var task = (await http.GetReplyAsync($"{Path}/{id}")).Json.GetProperty("data");

        Assert.True(task.At("watermark_info", "enabled").GetBoolean());
        var videos = task.At("task_result", "videos").EnumerateArray().ToList();
        Assert.Equal(2, videos.Count);
        Assert.All(videos, v => Assert.EndsWith("-watermark.mp4", v.Str("watermark_url"), StringComparison.Ordinal));
        Assert.Equal("7.5", videos[0].Str("duration"));
        Assert.NotEqual(videos[0].Str("url"), videos[1].Str("url"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(videos[1].Str("watermark_url")))).StatusCode);
    }

    [Fact]
    public async Task Failed_task_reports_failed_with_its_reason_in_task_status_msg()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).FailsWithContentPolicyViolation());
        using var http = ApiKeyClient(emulator);
        string id = (await http.PostAsync(Path, VendorBodies.Kling())).Json.At("data").Str("task_id");

        Assert.Equal("processing", (await http.GetReplyAsync($"{Path}/{id}")).Json.At("data").Str("task_status"));
        var failed = (await http.GetReplyAsync($"{Path}/{id}")).Json;

        Assert.Equal(0, failed.GetProperty("code").GetInt32());
        Assert.Equal("failed", failed.At("data").Str("task_status"));
        Assert.Equal(TaskOutcome.DefaultContentPolicyMessage, failed.At("data").Str("task_status_msg"));
        Assert.False(failed.At("data").TryGetProperty("task_result", out _));
    }
}
