using Xunit.Abstractions;
using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>
/// A 5-minute job on the manual clock with the default wait options: how many polls it costs and how late its end is
/// seen (docs/waiting-and-retries.md records the figures).
/// </summary>
public class FiveMinuteJobTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(5);

    private async Task<(int Polls, TimeSpan Delay)> RunAsync(string provider)
    {
        var clock = new ManualTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(provider, new TaskLifecycle().Processing(Job).Succeeds());
        using var client = EmulatedClients.Create(provider, emulator, o =>
        {
            o.TimeProvider = clock;
            o.WaitOptions = MotionControlWaitOptions.Default;
        });

        var submitted = await client.SubmitAsync(EmulatedClients.Request());
        var start = clock.GetUtcNow();
        var wait = client.WaitForCompletionAsync(submitted.Id);
        while (!wait.IsCompleted)
        {
            // Let the poller reach its next sleep, then move virtual time on in small steps.
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(clock.GetUtcNow() - start < TimeSpan.FromMinutes(10), "the wait did not end");
        }

        var task = await wait;
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var polls = emulator.CallCount(provider, EmulatedClients.ReadOperation(provider));
        output.WriteLine($"{provider}: {polls} polls, seen {(clock.GetUtcNow() - start - Job).TotalSeconds:0.#} s after the end");
        return (polls, clock.GetUtcNow() - start - Job);
    }

    [Theory]
    [InlineData(MotionControlProviders.Vydra)]      // progress
    [InlineData(MotionControlProviders.ModelsLab)]  // eta
    public async Task With_a_vendor_hint_it_is_seen_within_10_s_in_at_most_12_polls(string provider)
    {
        var (polls, delay) = await RunAsync(provider);
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.AimlApi)]
    public async Task Without_a_hint_it_is_seen_within_the_10_s_cap(string provider)
    {
        var (polls, delay) = await RunAsync(provider);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(11));
        Assert.InRange(polls, 25, 40);
    }
}
