using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>A client and an emulator sharing a manual clock, for timing whole jobs with the default wait options.</summary>
internal sealed class ManualClockJobRun(ManualTimeProvider clock, MotionControlEmulator emulator, MotionControlClient client) : IAsyncDisposable
{
    public ManualTimeProvider Clock { get; } = clock;

    public MotionControlEmulator Emulator { get; } = emulator;

    public MotionControlClient Client { get; } = client;

    public static async Task<ManualClockJobRun> StartAsync(string provider, MotionControlWaitOptions? waitOptions = null)
    {
        var clock = new ManualTimeProvider();
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        var client = EmulatedClients.Create(provider, emulator, o =>
        {
            o.TimeProvider = clock;
            o.WaitOptions = waitOptions ?? MotionControlWaitOptions.Default;
        });
        return new ManualClockJobRun(clock, emulator, client);
    }

    /// <summary>Submits a job of <paramref name="length"/>, lets <paramref name="before"/> pass, waits for it; returns the polls and how late the end was seen.</summary>
    public async Task<(int Polls, TimeSpan Delay)> JobAsync(TimeSpan length, TimeSpan before = default, int stepSeconds = 1)
    {
        var provider = Client.ProviderName;
        Emulator.EnqueueLifecycle(provider, new TaskLifecycle().Processing(length).Succeeds());
        var pollsBefore = Emulator.CallCount(provider, EmulatedClients.ReadOperation(provider));
        var submitted = await Client.SubmitAsync(EmulatedClients.Request());
        var start = Clock.GetUtcNow();
        Clock.Advance(before);
        var wait = Client.WaitForCompletionAsync(submitted.Id);
        while (!wait.IsCompleted)
        {
            // Let the poller reach its next sleep, then move virtual time on in small steps.
            await Task.Delay(1);
            Clock.Advance(TimeSpan.FromSeconds(stepSeconds));
            Assert.True(Clock.GetUtcNow() - start < length + TimeSpan.FromMinutes(5), "the wait did not end");
        }

        var task = await wait;
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        return (Emulator.CallCount(provider, EmulatedClients.ReadOperation(provider)) - pollsBefore, Clock.GetUtcNow() - start - length);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
