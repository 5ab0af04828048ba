using Microsoft.Extensions.Logging;
using MotionControl.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MotionControl.Polling;

/// <summary>
/// The one wait loop every vendor shares, on a Polly v8 pipeline: an overall timeout (which also cancels the request in
/// flight) around a retry-on-result that polls until the task is terminal, sleeping as <see cref="PollSchedule"/> says.
/// Transient read failures keep the wait going; anything else ends it.
/// </summary>
internal sealed class TaskPoller
{
    private readonly string providerName;
    private readonly Func<string, CancellationToken, Task<MotionControlTask>> getTask;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>How long this client's jobs take, learned from each wait that sees a job succeed.</summary>
    public JobDurationEstimate Estimate { get; } = new();

    public TaskPoller(string providerName, Func<string, CancellationToken, Task<MotionControlTask>> getTask, TimeProvider time, ILogger logger)
    {
        this.providerName = providerName;
        this.getTask = getTask;
        this.time = time;
        this.logger = logger;
    }

    // Polly's timeout strategy accepts at most a day; longer deadlines are enforced by nobody but the caller's token.
    private static readonly TimeSpan LongestPollyTimeout = TimeSpan.FromDays(1);

    /// <summary>Polls until the task is terminal; returns it whatever its outcome. Calls <paramref name="onChange"/> on each change.</summary>
    /// <exception cref="MotionControlWaitTimeoutException">The deadline passed first.</exception>
    public async Task<MotionControlTask> RunAsync(string taskId, MotionControlWaitOptions options, Action<MotionControlTask>? onChange, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        WaitOptionsValidator.ThrowIfInvalid(options);
        using var activity = MotionControlTelemetry.Start("motioncontrol.wait", providerName, taskId);
        var state = new WaitState(this, taskId, options, onChange);
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            var task = await BuildPipeline(options, state).ExecuteAsync(
                static async (s, token) => await s.PollAsync(token).ConfigureAwait(false),
                state,
                cancellationToken).ConfigureAwait(false);
            outcome = task.Status.ToString().ToLowerInvariant();
            if (task.Status == MotionControlTaskStatus.Succeeded && state.Schedule.ObservedDuration is { } took)
            {
                Estimate.Record(took);
            }

            MotionControlTelemetry.Complete(activity, task);
            if (task.Charge is { } charge)
            {
                MotionControlLog.TaskCharged(logger, providerName, task.Id, task.Status, charge.Amount, charge.Unit, charge.Source);
                MotionControlMetrics.RecordCharge(providerName, charge);
            }

            return task;
        }
        catch (TimeoutRejectedException ex)
        {
            outcome = "timeout";
            var timeout = new MotionControlWaitTimeoutException(providerName, taskId, options.Timeout, state.LastTask, ex);
            MotionControlTelemetry.Fail(activity, timeout);
            throw timeout;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "canceled";
            throw;
        }
        catch (Exception ex)
        {
            MotionControlTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            var elapsed = time.GetElapsedTime(started);
            MotionControlLog.WaitEnded(logger, providerName, taskId, outcome, elapsed.TotalMilliseconds, state.Polls);
            MotionControlMetrics.RecordWait(providerName, outcome, state.Polls, elapsed);
        }
    }

    private ResiliencePipeline<MotionControlTask> BuildPipeline(MotionControlWaitOptions options, WaitState state)
    {
        var builder = new ResiliencePipelineBuilder<MotionControlTask> { TimeProvider = time };
        if (options.Timeout != Timeout.InfiniteTimeSpan && options.Timeout <= LongestPollyTimeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout });
        }

        return builder.AddRetry(new RetryStrategyOptions<MotionControlTask>
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: MotionControlException { IsTransient: true } } => true,
                { Exception: null, Result: { IsTerminal: false } } => true,
                _ => false,
            }),
            DelayGenerator = args =>
            {
                var delay = state.Schedule.Next(args.Outcome.Result, args.Outcome.Exception);
                state.LogNextPoll(delay);
                return ValueTask.FromResult<TimeSpan?>(delay);
            },
        }).Build();
    }

    private sealed class WaitState(TaskPoller poller, string taskId, MotionControlWaitOptions options, Action<MotionControlTask>? onChange)
    {
        public PollSchedule Schedule { get; } = new(options, poller.time, options.ExpectedDuration ?? poller.Estimate.Current);

        public MotionControlTask? LastTask { get; private set; }

        public int Polls { get; private set; }

        public async ValueTask<MotionControlTask> PollAsync(CancellationToken cancellationToken)
        {
            Polls++;
            using var activity = MotionControlTelemetry.Start("motioncontrol.poll", poller.providerName, taskId);
            MotionControlTask task;
            try
            {
                task = await poller.getTask(taskId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MotionControlTelemetry.Fail(activity, ex);
                throw;
            }

            MotionControlTelemetry.Complete(activity, task);
            Schedule.Observe(task);
            var previous = LastTask;
            LastTask = task;
            if (previous is null || previous.Status != task.Status || previous.Progress != task.Progress || previous.QueuePosition != task.QueuePosition || previous.VendorStatus != task.VendorStatus)
            {
                if (previous is null || previous.Status != task.Status)
                {
                    MotionControlLog.StatusChanged(poller.logger, poller.providerName, task.Id, task.Status, task.VendorStatus);
                }

                onChange?.Invoke(task);
                options.Progress?.Report(task);
            }

            return task;
        }

        public void LogNextPoll(TimeSpan delay)
        {
            if (LastTask is { } task)
            {
                MotionControlLog.Polled(poller.logger, poller.providerName, taskId, task.Status, delay.TotalMilliseconds);
            }
        }
    }
}
