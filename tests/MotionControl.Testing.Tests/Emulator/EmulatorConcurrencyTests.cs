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
