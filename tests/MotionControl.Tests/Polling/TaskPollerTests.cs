using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Polling;

namespace MotionControl.Tests.Polling;

/// <summary>The shared wait loop, driven by a scripted task reader (fast intervals, real time, no HTTP).</summary>
public class TaskPollerTests
{
    private static readonly MotionControlWaitOptions Fast = VendorTestBed.FastWait with { Timeout = TimeSpan.FromSeconds(20) };

    private static MotionControlTask Task(MotionControlTaskStatus status, int? progress = null, string? reason = null) =>
        new() { Id = "t1", ProviderName = "test", Status = status, Progress = progress, FailureReason = reason, VendorStatus = status.ToString().ToLowerInvariant() };

    private static TaskPoller Poller(Func<string, CancellationToken, Task<MotionControlTask>> read) =>
        new("test", read, TimeProvider.System, NullLogger.Instance, static _ => "test-model", new TaskUpdates());

    private static Func<string, CancellationToken, Task<MotionControlTask>> Script(params Func<MotionControlTask>[] steps)
    {
        var index = 0;
        return (_, _) => System.Threading.Tasks.Task.FromResult(steps[Math.Min(Interlocked.Increment(ref index) - 1, steps.Length - 1)]());
    }

    [Fact]
    public async Task Polls_until_the_task_is_terminal_and_reports_each_change_once()
    {
        var recorder = new ProgressRecorder();
        var poller = Poller(Script(
            () => Task(MotionControlTaskStatus.Queued),
            () => Task(MotionControlTaskStatus.Queued),
            () => Task(MotionControlTaskStatus.Processing, 10),
            () => Task(MotionControlTaskStatus.Processing, 10),
            () => Task(MotionControlTaskStatus.Processing, 60),
            () => Task(MotionControlTaskStatus.Succeeded, 100)));

        var result = await poller.RunAsync("t1", Fast with { Progress = recorder }, null, CancellationToken.None);

        Assert.Equal(MotionControlTaskStatus.Succeeded, result.Status);
        Assert.Equal([MotionControlTaskStatus.Queued, MotionControlTaskStatus.Processing, MotionControlTaskStatus.Processing, MotionControlTaskStatus.Succeeded], recorder.Seen.Select(t => t.Status));
        Assert.Equal([null, 10, 60, 100], recorder.Seen.Select(t => t.Progress));
    }

    [Fact]
    public async Task A_failed_task_ends_the_loop_and_is_returned_with_its_reason()
    {
        var poller = Poller(Script(() => Task(MotionControlTaskStatus.Processing), () => Task(MotionControlTaskStatus.Failed, reason: "content risk")));
        var result = await poller.RunAsync("t1", Fast, null, CancellationToken.None);
        Assert.Equal(MotionControlTaskStatus.Failed, result.Status);
        Assert.Equal("content risk", result.FailureReason);
    }

    [Fact]
    public async Task The_deadline_ends_the_wait_with_the_last_task_seen()
    {
        var poller = Poller(Script(() => Task(MotionControlTaskStatus.Processing, 42)));
        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(
            () => poller.RunAsync("t1", Fast with { Timeout = TimeSpan.FromMilliseconds(300) }, null, CancellationToken.None));
        Assert.Equal(42, timeout.LastTask?.Progress);
        Assert.Equal("t1", timeout.TaskId);
        Assert.Contains("42%", timeout.Message);
    }

    [Fact]
    public async Task The_deadline_cancels_the_request_in_flight()
    {
        var inFlightCanceled = false;
        var poller = Poller(async (_, ct) =>
        {
            try
            {
                await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(30), ct);
            }
            catch (OperationCanceledException)
            {
                inFlightCanceled = true;
                throw;
            }

            return Task(MotionControlTaskStatus.Succeeded);
        });

        var clock = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(
            () => poller.RunAsync("t1", Fast with { Timeout = TimeSpan.FromMilliseconds(500) }, null, CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the wait took {clock.Elapsed}");
        Assert.True(inFlightCanceled);
        Assert.Null(timeout.LastTask);
    }

    [Fact]
    public async Task Transient_failures_keep_the_wait_going()
    {
        var calls = 0;
        var poller = Poller((_, _) => ++calls switch
        {
            1 => throw new MotionControlRateLimitedException("slow down") { RetryAfter = TimeSpan.FromMilliseconds(10) },
            2 => throw new MotionControlServerException("bad gateway"),
            _ => System.Threading.Tasks.Task.FromResult(Task(MotionControlTaskStatus.Succeeded)),
        });

        var result = await poller.RunAsync("t1", Fast, null, CancellationToken.None);
        Assert.Equal(MotionControlTaskStatus.Succeeded, result.Status);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_non_transient_failure_ends_the_wait_at_once()
    {
        var calls = 0;
        var poller = Poller((_, _) =>
        {
            calls++;
            throw new MotionControlTaskNotFoundException("no such task");
        });

        await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => poller.RunAsync("t1", Fast, null, CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_promptly()
    {
        var poller = Poller(Script(() => Task(MotionControlTaskStatus.Processing)));
        using var cts = new CancellationTokenSource();
        var run = poller.RunAsync("t1", Fast with { PollInterval = TimeSpan.FromSeconds(30), MaxPollInterval = TimeSpan.FromSeconds(30) }, null, cts.Token);
        await System.Threading.Tasks.Task.Delay(50);
        var clock = Stopwatch.StartNew();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(0, 10, 1.5, 0.1, 60, "PollInterval")]
    [InlineData(5, 1, 1.5, 0.1, 60, "MaxPollInterval")]
    [InlineData(1, 10, 0.5, 0.1, 60, "BackoffFactor")]
    [InlineData(1, 10, 1.5, 2, 60, "Jitter")]
    [InlineData(1, 10, 1.5, 0.1, 0, "Timeout")]
    public async Task Invalid_wait_options_are_refused_naming_the_setting(double poll, double max, double factor, double jitter, double timeout, string setting)
    {
        var options = new MotionControlWaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(poll),
            MaxPollInterval = TimeSpan.FromSeconds(max),
            BackoffFactor = factor,
            Jitter = jitter,
            Timeout = TimeSpan.FromSeconds(timeout),
        };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Poller(Script(() => Task(MotionControlTaskStatus.Succeeded))).RunAsync("t1", options, null, CancellationToken.None));
        Assert.Contains(setting, error.Message);
    }
}
