using Xunit.Abstractions;
using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>
/// Jobs of a few minutes on the manual clock with the default wait options: how many polls each costs and how late its
/// end is seen (docs/waiting-and-retries.md records the figures).
/// </summary>
public class FiveMinuteJobTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(5);

    public static TheoryData<string> Providers => new(MotionControlProviders.All);

    private sealed class Run(ManualTimeProvider clock, MotionControlEmulator emulator, MotionControlClient client) : IAsyncDisposable
    {
        public ManualTimeProvider Clock { get; } = clock;

        public MotionControlEmulator Emulator { get; } = emulator;

        public MotionControlClient Client { get; } = client;

        public static async Task<Run> StartAsync(string provider, MotionControlWaitOptions? waitOptions = null)
        {
            var clock = new ManualTimeProvider();
            var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
            var client = EmulatedClients.Create(provider, emulator, o =>
            {
                o.TimeProvider = clock;
                o.WaitOptions = waitOptions ?? MotionControlWaitOptions.Default;
            });
            return new Run(clock, emulator, client);
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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_five_minute_job_is_seen_within_10_s_in_at_most_12_polls(string provider)
    {
        await using var run = await Run.StartAsync(provider);
        var (polls, delay) = await run.JobAsync(Job);
        output.WriteLine($"{provider}: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.AimlApi)]
    public async Task Without_an_expectation_a_hintless_vendor_costs_a_poll_per_MaxPollInterval(string provider)
    {
        await using var run = await Run.StartAsync(provider, MotionControlWaitOptions.Default with { ExpectedDuration = TimeSpan.Zero });
        var (polls, delay) = await run.JobAsync(Job);
        output.WriteLine($"{provider}, no expectation: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(11));
        Assert.InRange(polls, 25, 40);
    }

    [Fact]
    public async Task A_job_shorter_than_expected_is_seen_at_most_its_own_length_late()
    {
        await using var run = await Run.StartAsync(MotionControlProviders.AimlApi);
        var job = TimeSpan.FromSeconds(45);
        var (polls, delay) = await run.JobAsync(job);
        output.WriteLine($"45 s job: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(delay, TimeSpan.Zero, job);
        Assert.InRange(polls, 1, 8);
    }

    [Fact]
    public async Task An_expected_duration_in_the_options_replaces_the_clients_estimate()
    {
        // A 2-minute job: the 5-minute starting estimate would see its end 20 s late; the caller's 2 minutes see it at once.
        await using var run = await Run.StartAsync(MotionControlProviders.AimlApi, MotionControlWaitOptions.Default with { ExpectedDuration = TimeSpan.FromMinutes(2) });
        var (polls, delay) = await run.JobAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"2-minute job expected to take 2 minutes: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_client_learns_its_jobs_length_and_polls_less_for_the_next_ones()
    {
        // AIMLAPI reports no creation time, so the learned figure is all the poller has.
        await using var run = await Run.StartAsync(MotionControlProviders.AimlApi);
        var job = TimeSpan.FromMinutes(8);
        var first = await run.JobAsync(job, stepSeconds: 2);
        await run.JobAsync(job, stepSeconds: 2);
        await run.JobAsync(job, stepSeconds: 2);
        var fourth = await run.JobAsync(job, stepSeconds: 2);

        // The estimate goes 5 -> 5.9 -> 6.5 -> 6.9 min: the fourth job sleeps sparsely for longer before polling every 10 s.
        output.WriteLine($"8-minute jobs: first {first.Polls} polls, fourth {fourth.Polls} polls ({fourth.Delay.TotalSeconds:0.#} s late)");
        Assert.True(fourth.Polls <= first.Polls - 5, $"the fourth job took {fourth.Polls} polls, the first {first.Polls}");
        Assert.InRange(fourth.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(13)); // the 10 s cap, 10 % jitter, 2 s clock steps
    }

    [Fact]
    public async Task A_wait_resumed_late_counts_from_the_vendors_creation_time()
    {
        // Kling reports created_at: a wait that starts 4.5 minutes into a 5-minute job sleeps straight to its end.
        await using var run = await Run.StartAsync(MotionControlProviders.Kling);
        var (polls, delay) = await run.JobAsync(Job, before: TimeSpan.FromSeconds(270));
        output.WriteLine($"resumed at 4.5 min: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(polls, 1, 3);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}
