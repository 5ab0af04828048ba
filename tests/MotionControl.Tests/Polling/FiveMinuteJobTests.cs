using Xunit.Abstractions;

namespace MotionControl.Tests.Polling;

/// <summary>
/// Jobs of a few minutes on a fake clock with the default wait options: how many polls each costs and how late its
/// end is seen (docs/waiting-and-retries.md records the figures).
/// </summary>
public class FiveMinuteJobTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(5);

    public static TheoryData<string> Providers => new(MotionControlProviders.All);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_five_minute_job_is_seen_within_10_s_in_at_most_12_polls(string provider)
    {
        await using var run = await FakeClockJobRun.StartAsync(provider);
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
        await using var run = await FakeClockJobRun.StartAsync(provider, MotionControlWaitOptions.Default with { ExpectedDuration = TimeSpan.Zero });
        var (polls, delay) = await run.JobAsync(Job);
        output.WriteLine($"{provider}, no expectation: {polls} polls, seen {delay.TotalSeconds:0.#} s after the end");
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(11));
        Assert.InRange(polls, 25, 40);
    }
}
