using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class VydraEmulatorTests
{
    private const string CreatePath = "/api/v1/models/kling";

    [Fact]
    public async Task Create_answers_202_with_a_job_id_and_the_job_advances_progress_to_completed()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Queued(1).Processing(3).Succeeds(videoDurationSeconds: 15));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var created = await http.PostAsync(CreatePath, VendorBodies.Vydra());
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        string jobId = created.Json.Str("jobId");
        Assert.True(Guid.TryParse(jobId, out _));
        Assert.Equal("pending", created.Json.Str("status"));
        Assert.Equal(40, created.Json.GetProperty("creditsCharged").GetInt32());
        Assert.StartsWith("fal-", created.Json.Str("externalJobId"), StringComparison.Ordinal);
        Assert.Equal("video", created.Json.At("input").Str("character_orientation"));

        var jobs = new List<JsonElement>();
        for (int i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            jobs.Add((await http.GetReplyAsync($"/api/v1/jobs/{jobId}")).Json);
        }

        Assert.Equal(["pending", "running", "running", "running", "completed"], jobs.Select(j => j.Str("status")));
        var progress = jobs.Select(j => j.GetProperty("progress").GetInt32()).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(0, progress[0]);
        Assert.InRange(progress[3], 1, 99);
        Assert.Equal(100, progress[4]);
        var done = jobs[4];
        Assert.Equal(15, done.At("output").GetProperty("durationSeconds").GetInt32());
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, done.At("output").Str("videoUrl"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, jobs[0].GetProperty("completedAt").ValueKind);
        Assert.Equal(DateTimeOffset.Parse(done.Str("completedAt")), clock.GetUtcNow());
        Assert.EndsWith("Z", done.Str("createdAt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_job_carries_its_error()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Fails("Upstream generation failed"));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string jobId = (await http.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("jobId");

        var job = (await http.GetReplyAsync($"/api/v1/jobs/{jobId}")).Json;

        Assert.Equal("failed", job.Str("status"));
        Assert.Equal("Upstream generation failed", job.Str("error"));
        Assert.Equal(JsonValueKind.Null, job.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task List_pages_with_limit_and_offset_and_filters_by_status()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string completedId = (await http.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("jobId");
        for (int i = 0; i < 3; i++)
        {
            await http.PostAsync(CreatePath, VendorBodies.Vydra());
        }

        var page = (await http.GetReplyAsync("/api/v1/jobs?limit=2&offset=1")).Json;
        var completed = (await http.GetReplyAsync("/api/v1/jobs?status=completed")).Json;
        var pending = (await http.GetReplyAsync("/api/v1/jobs?status=pending")).Json;

        Assert.Equal(2, page.GetProperty("jobs").GetArrayLength());
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.Equal([completedId], completed.GetProperty("jobs").EnumerateArray().Select(j => j.Str("id")));
        Assert.Equal(3, pending.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("offset=-1")]
    [InlineData("status=exploded")]
    public async Task List_rejects_invalid_parameters_with_invalid_input(string query)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var reply = await http.GetReplyAsync($"/api/v1/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_INPUT", reply.Json.Str("code"));
    }

    [Fact]
    public async Task Delete_cancels_a_running_job_and_refuses_a_finished_one()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string running = (await http.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("jobId");
        string finished = (await http.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("jobId");
        await http.GetReplyAsync($"/api/v1/jobs/{finished}");

        var cancelled = await http.SendAsync(HttpMethod.Delete, $"/api/v1/jobs/{running}", null);
        var refused = await http.SendAsync(HttpMethod.Delete, $"/api/v1/jobs/{finished}", null);
        var missing = await http.SendAsync(HttpMethod.Delete, $"/api/v1/jobs/{Guid.NewGuid()}", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal("cancelled", cancelled.Json.Str("status"));
        Assert.Equal("cancelled", (await http.GetReplyAsync($"/api/v1/jobs/{running}")).Json.Str("status"));
        Assert.Equal(EmulatedTaskStatus.Canceled, emulator.FindTask(EmulatorProviders.Vydra, running)!.Status);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("JOB_NOT_FOUND", missing.Json.Str("code"));
    }

    [Fact]
    public async Task Unknown_job_is_404_job_not_found()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var reply = await http.GetReplyAsync($"/api/v1/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("JOB_NOT_FOUND", reply.Json.Str("code"));
        Assert.False(string.IsNullOrEmpty(reply.Json.Str("error")));
    }

    [Fact]
    public async Task Auth_errors_say_missing_invalid_format_or_key_not_found()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var anonymous = EmulatorHttp.Client(emulator);
        using var wrongKey = EmulatorHttp.Client(emulator, "vydra_live_user_x_y");
        using var basic = EmulatorHttp.Client(emulator);
        basic.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token abc");

        Assert.Equal("MISSING_AUTH", (await anonymous.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("code"));
        Assert.Equal("INVALID_FORMAT", (await basic.PostAsync(CreatePath, VendorBodies.Vydra())).Json.Str("code"));
        var notFound = await wrongKey.GetReplyAsync("/api/v1/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, notFound.Status);
        Assert.Equal("KEY_NOT_FOUND", notFound.Json.Str("code"));
    }

    public static TheoryData<string, JsonNode?, string> RejectedFields => new()
    {
        { "keep_original_sound", JsonValue.Create("yes"), "INVALID_INPUT" },
        { "prompt", null, "INVALID_INPUT" },
        { "prompt", JsonValue.Create(""), "INVALID_INPUT" },
        { "image_url", JsonValue.Create("data:image/png;base64,iVBORw0KGgo="), "INVALID_URL" },
        { "image_url", JsonValue.Create("iVBORw0KGgo="), "INVALID_URL" },
        { "video_url", null, "INVALID_INPUT" },
        { "character_orientation", JsonValue.Create("left"), "INVALID_INPUT" },
    };

    [Theory]
    [MemberData(nameof(RejectedFields))]
    public async Task Create_rejects_a_wrong_wire_shape_naming_the_field(string field, JsonNode? value, string code)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        var body = VendorBodies.Vydra();
        body.Remove(field);
        if (value is not null)
        {
            body[field] = value.DeepClone();
        }

        var reply = await http.PostAsync(CreatePath, body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Json.Str("code"));
        Assert.Equal(field, reply.Json.At("details").Str("field"));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
    }

    [Fact]
    public async Task Optional_fields_may_be_left_out()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var reply = await http.PostAsync(CreatePath, new JsonObject { ["image_url"] = VendorBodies.ImageUrl, ["video_url"] = VendorBodies.VideoUrl, ["prompt"] = "dance" });

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
    }
}
