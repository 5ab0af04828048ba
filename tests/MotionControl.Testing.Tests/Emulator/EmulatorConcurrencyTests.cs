using System.Net;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>The running-task count and its high-water mark, per provider and account: what a vendor's concurrency limit applies to.</summary>
public class EmulatorConcurrencyTests
{
    [Fact]
    public async Task Three_Vydra_tasks_run_at_once_and_one_polled_to_the_end_stops_running()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        string first = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");
        await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
        await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
        Assert.Equal(3, emulator.RunningTaskCount(EmulatorProviders.Vydra));

        await PollUntilCompletedAsync(http, $"/api/v1/jobs/{first}");

        Assert.Equal(2, emulator.RunningTaskCount(EmulatorProviders.Vydra));
        Assert.Equal(2, emulator.RunningTaskCount(EmulatorProviders.Vydra, EmulatorCredentials.DefaultAccountName));
        Assert.Equal(3, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Vydra));
        Assert.Equal(3, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Vydra, EmulatorCredentials.DefaultAccountName));
        Assert.Equal(0, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Vydra, "nobody"));
        Assert.Equal(0, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Kling));

        await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
        Assert.Equal(3, emulator.RunningTaskCount(EmulatorProviders.Vydra));
        Assert.Equal(3, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Vydra));

        emulator.Reset();
        Assert.Equal(0, emulator.RunningTaskCount(EmulatorProviders.Vydra));
        Assert.Equal(0, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Vydra));
    }

    /// <summary>Over the per-account limit Kling refuses with 429 / 1303 and creates nothing; a task seen ending frees its place; another account has its own.</summary>
    [Fact]
    public async Task Kling_refuses_a_create_over_the_per_account_limit_with_1303_until_a_task_ends()
    {
        var other = new EmulatorAccount("other") { KlingApiKey = "other-kling-api-key" };
        await using var emulator = await MotionControlEmulator.StartAsync(new() { MaxConcurrentTasksPerAccount = 2, Credentials = new() { AdditionalAccounts = [other] } });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        using var otherHttp = EmulatorHttp.Client(emulator, other.KlingApiKey);
        const string path = "/v1/videos/motion-control";

        string first = (await http.PostAsync(path, VendorBodies.Kling())).Json.At("data").Str("task_id");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(path, VendorBodies.Kling())).Status);
        var refused = await http.PostAsync(path, VendorBodies.Kling());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(1303, refused.Json.GetProperty("code").GetInt32());
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(HttpStatusCode.OK, (await otherHttp.PostAsync(path, VendorBodies.Kling())).Status);

        for (int i = 0; i < 50 && (await http.GetReplyAsync($"{path}/{first}")).Json.At("data").Str("task_status") != "succeed"; i++)
        {
        }

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(path, VendorBodies.Kling())).Status);
        Assert.Equal(2, emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Kling, EmulatorCredentials.DefaultAccountName));
        Assert.Equal(4, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Vydra_refuses_a_create_over_the_per_account_limit_with_its_rate_limit_reply()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { MaxConcurrentTasksPerAccount = 1 });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
        var refused = await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMIT_EXCEEDED", refused.Json.Str("code"));
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
    }

    [Fact]
    public async Task A_limit_below_one_is_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MotionControlEmulator.StartAsync(new() { MaxConcurrentTasksPerAccount = 0 }));
    }

    private static async Task PollUntilCompletedAsync(HttpClient http, string path)
    {
        for (int i = 0; i < 50; i++)
        {
            if ((await http.GetReplyAsync(path)).Json.Str("status") == "completed")
            {
                return;
            }
        }

        Assert.Fail($"{path} never completed");
    }
}
