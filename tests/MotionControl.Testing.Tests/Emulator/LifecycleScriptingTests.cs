using System.Net;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class LifecycleScriptingTests
{
    private const string KlingPath = "/v1/videos/motion-control";

    private static async Task<string> CreateKlingAsync(HttpClient http) =>
        (await http.PostAsync(KlingPath, VendorBodies.Kling())).Json.At("data").Str("task_id");

    private static async Task<string> PollKlingAsync(HttpClient http, string id) =>
        (await http.GetReplyAsync($"{KlingPath}/{id}")).Json.At("data").Str("task_status");

    [Fact]
    public void Default_lifecycle_is_one_poll_queued_two_polls_processing_then_one_video()
    {
        var lifecycle = TaskLifecycle.Default;

        Assert.Equal([EmulatedTaskStatus.Queued, EmulatedTaskStatus.Processing], lifecycle.Phases.Select(p => p.Status));
        Assert.Equal([1, 2], lifecycle.Phases.Select(p => p.Polls!.Value));
        Assert.Equal(TaskOutcomeKind.Succeeded, lifecycle.Outcome.Kind);
        Assert.Equal(1, lifecycle.Outcome.VideoCount);
    }

    [Fact]
    public void Lifecycles_are_immutable_and_describe_themselves()
    {
        var start = new TaskLifecycle();
        var scripted = start.Queued(2).Processing(TimeSpan.FromSeconds(30)).Fails("boom");

        Assert.Empty(start.Phases);
        Assert.Equal(TaskOutcomeKind.Succeeded, start.Outcome.Kind);
        Assert.Equal("Queued x2 polls -> Processing for 00:00:30 -> Failed: boom", scripted.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => start.Queued(-1));
        Assert.Throws<ArgumentException>(() => start.Fails(""));
    }

    [Fact]
    public async Task Scripts_queue_per_vendor_and_apply_to_the_next_tasks_in_order_then_the_default()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            DefaultLifecycle = new TaskLifecycle().Processing(1).Succeeds(),
        });
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Fails("first"));
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds(videoCount: 3));
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Fails("not for kling"));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

        string first = await CreateKlingAsync(http);
        string second = await CreateKlingAsync(http);
        string third = await CreateKlingAsync(http);

        var firstTask = (await http.GetReplyAsync($"{KlingPath}/{first}")).Json.At("data");
        var secondTask = (await http.GetReplyAsync($"{KlingPath}/{second}")).Json.At("data");
        Assert.Equal("failed", firstTask.Str("task_status"));
        Assert.Equal("first", firstTask.Str("task_status_msg"));
        Assert.Equal(3, secondTask.At("task_result", "videos").GetArrayLength());
        Assert.Equal(["processing", "succeed"], [await PollKlingAsync(http, third), await PollKlingAsync(http, third)]);
    }

    [Fact]
    public async Task Timed_phases_follow_the_emulator_clock_without_any_polls()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Queued(TimeSpan.FromSeconds(30)).Processing(TimeSpan.FromMinutes(2)).Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        string id = await CreateKlingAsync(http);

        Assert.Equal(EmulatedTaskStatus.Queued, emulator.FindTask(EmulatorProviders.Kling, id)!.Status);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(EmulatedTaskStatus.Processing, emulator.FindTask(EmulatorProviders.Kling, id)!.Status);
        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.Equal("processing", await PollKlingAsync(http, id));
        clock.Advance(TimeSpan.FromTicks(1));

        var task = (await http.GetReplyAsync($"{KlingPath}/{id}")).Json.At("data");
        Assert.Equal("succeed", task.Str("task_status"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), task.GetProperty("updated_at").GetInt64());
        Assert.Equal(2, emulator.FindTask(EmulatorProviders.Kling, id)!.PollCount);
    }

    [Fact]
    public async Task A_timed_phase_after_a_polled_one_starts_at_the_read_that_ends_the_polled_one()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Queued(1).Processing(TimeSpan.FromMinutes(1)).Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        string id = await CreateKlingAsync(http);

        Assert.Equal("submitted", await PollKlingAsync(http, id));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("processing", await PollKlingAsync(http, id));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("succeed", await PollKlingAsync(http, id));
    }

    [Fact]
    public async Task Processing_forever_never_completes_and_progress_stays_below_100()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string id = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");

        var progress = new List<int>();
        for (int i = 0; i < 20; i++)
        {
            var job = (await http.GetReplyAsync($"/api/v1/jobs/{id}")).Json;
            Assert.Equal("running", job.Str("status"));
            progress.Add(job.GetProperty("progress").GetInt32());
        }

        Assert.Equal(progress.Order(), progress);
        Assert.InRange(progress[^1], 90, 99);
    }

    [Fact]
    public async Task Success_with_several_videos_is_shown_by_kling_and_modelslab()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            DefaultLifecycle = new TaskLifecycle().Succeeds(videoCount: 3),
        });
        using var kling = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        using var modelsLab = EmulatorHttp.Client(emulator);
        string klingId = await CreateKlingAsync(kling);
        var created = (await modelsLab.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator))).Json;

        var klingTask = (await kling.GetReplyAsync($"{KlingPath}/{klingId}")).Json.At("data");
        var fetched = (await modelsLab.PostAsync(created.Str("fetch_result"), new JsonObject { ["key"] = emulator.Credentials.ModelsLabApiKey })).Json;

        Assert.Equal(3, klingTask.At("task_result", "videos").GetArrayLength());
        Assert.Equal(3, fetched.GetProperty("output").GetArrayLength());
        foreach (var url in fetched.GetProperty("output").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.OK, (await modelsLab.GetAsync(new Uri(url.GetString()!))).StatusCode);
        }
    }

    [Fact]
    public async Task A_thousand_concurrent_jobs_are_created_and_polled_to_completion()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            DefaultLifecycle = new TaskLifecycle().Processing(1).Succeeds(),
        });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        using var gate = new SemaphoreSlim(64);

        async Task<string> RunJobAsync()
        {
            await gate.WaitAsync();
            try
            {
                string id = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");
                string status;
                do
                {
                    status = (await http.GetReplyAsync($"/api/v1/jobs/{id}")).Json.Str("status");
                }
                while (status == "running");

                return status;
            }
            finally
            {
                gate.Release();
            }
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => RunJobAsync()));

        Assert.All(statuses, s => Assert.Equal("completed", s));
        Assert.Equal(1000, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
        Assert.Equal(2000, emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Get));
    }
}
