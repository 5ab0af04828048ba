using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>The wait's deadline: a timer on the client's clock, with no upper cliff, and a last look just before it.</summary>
public sealed class WaitDeadlineTests
{
    [Fact]
    public async Task A_30_s_wait_on_a_task_whose_eta_points_past_the_deadline_looks_once_more_before_timing_out()
    {
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.ModelsLab);
        run.Emulator.EnqueueLifecycle(MotionControlProviders.ModelsLab, new TaskLifecycle().Processing(TimeSpan.FromMinutes(10)).Succeeds());
        var submitted = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.ModelsLab));
        var start = run.Clock.GetUtcNow();

        var wait = run.Client.WaitForCompletionAsync(submitted.Id, MotionControlWaitOptions.Default with { Timeout = TimeSpan.FromSeconds(30) });
        await run.StepUntilDoneAsync(wait, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(2));
        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(() => wait);

        var polls = run.Emulator.Requests.Where(r => r.Operation == EmulatorOperation.Fetch).Select(r => r.Timestamp - start).ToList();
        Assert.Equal(2, polls.Count);
        Assert.InRange(polls[0], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(polls[1], TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(30));
        Assert.InRange(run.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
        Assert.Equal(MotionControlTaskStatus.Processing, timeout.LastTask?.Status);
        Assert.Null(timeout.InnerException); // no Polly type behind it
    }

    [Fact]
    public async Task A_wait_of_two_days_still_has_a_deadline()
    {
        var hourly = MotionControlWaitOptions.Default with
        {
            Timeout = TimeSpan.FromDays(2),
            PollInterval = TimeSpan.FromHours(1),
            MaxPollInterval = TimeSpan.FromHours(1),
            MaxHintedPollInterval = TimeSpan.FromHours(1),
            ExpectedDuration = TimeSpan.Zero,
            Jitter = 0,
        };
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.Kling, hourly);
        run.Emulator.EnqueueLifecycle(MotionControlProviders.Kling, new TaskLifecycle().ProcessingForever());
        var submitted = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));
        var start = run.Clock.GetUtcNow();

        var wait = run.Client.WaitForCompletionAsync(submitted.Id);
        await run.StepUntilDoneAsync(wait, TimeSpan.FromMinutes(30), TimeSpan.FromDays(3));
        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(() => wait);

        Assert.Equal(TimeSpan.FromDays(2), timeout.Timeout);
        Assert.InRange(run.Clock.GetUtcNow() - start, TimeSpan.FromDays(2), TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        var polls = run.Emulator.Requests.Count(r => r.Operation == EmulatorOperation.Get);
        Assert.InRange(polls, 48, 51);
    }

    [Fact]
    public async Task A_deadline_longer_than_the_longest_timer_is_refused_before_any_poll()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var reads = bed.Calls(bed.ReadOperation).Count;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Timeout = TimeSpan.FromDays(50) }));

        Assert.Contains("Timeout", refused.Message, StringComparison.Ordinal);
        Assert.Equal(reads, bed.Calls(bed.ReadOperation).Count);
    }
}
