using Xunit.Abstractions;

namespace MotionControl.Tests.Polling;

/// <summary>
/// The expected job duration on a fake clock: early ends, an explicit expectation, learning, and resumed waits
/// (docs/waiting-and-retries.md).
/// </summary>
public class ExpectedDurationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_job_shorter_than_expected_is_seen_at_most_its_own_length_late()
    {
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.AimlApi);
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
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.AimlApi, MotionControlWaitOptions.Default with { ExpectedDuration = TimeSpan.FromMinutes(2) });
        var (polls, delay) = await run.JobAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"2-minute job expected to take 2 minutes: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_client_learns_its_jobs_length_and_polls_less_for_the_next_ones()
    {
        // AIMLAPI reports no creation time, so the learned figure is all the poller has.
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.AimlApi);
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
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.Kling);
        var (polls, delay) = await run.JobAsync(Job, before: TimeSpan.FromSeconds(270));
        output.WriteLine($"resumed at 4.5 min: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(polls, 1, 3);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}
