using Microsoft.Extensions.Logging;
using MotionControl.Diagnostics;

namespace MotionControl.Polling;

/// <summary>
/// The one wait loop every vendor shares: an overall deadline (which also cancels the request in flight) around a loop
/// that polls until the task is terminal, sleeping as <see cref="PollSchedule"/> says, and wakes at once when a callback
/// delivers the task's update (<see cref="TaskUpdates"/>). Transient read failures keep the wait going; anything else
/// ends it.
/// </summary>
internal sealed class TaskPoller
{
    private readonly string providerName;
    private readonly Func<string, CancellationToken, Task<MotionControlTask>> getTask;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Func<string, string> modelOf;
    private readonly TaskUpdates updates;
    private readonly Func<string, bool> expectsCallback;

    /// <summary>How long this client's jobs take, learned from each wait that sees a job succeed.</summary>
    public JobDurationEstimate Estimate { get; } = new();

    /// <param name="providerName">The vendor.</param>
    /// <param name="getTask">Reads one task.</param>
    /// <param name="time">The client's clock.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="modelOf">The model a task runs on, for the charge counter's tag.</param>
    /// <param name="updates">Where callbacks deliver task updates to the waits.</param>
    /// <param name="expectsCallback">Whether a task was submitted with a callback URL (then polls are at least <see cref="MotionControlWaitOptions.CallbackPollInterval"/> apart).</param>
    public TaskPoller(string providerName, Func<string, CancellationToken, Task<MotionControlTask>> getTask, TimeProvider time, ILogger logger, Func<string, string> modelOf, TaskUpdates updates, Func<string, bool>? expectsCallback = null)
    {
        this.expectsCallback = expectsCallback ?? (static _ => false);
        this.updates = updates;
        this.modelOf = modelOf;
        this.providerName = providerName;
        this.getTask = getTask;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// How long before the deadline the last look is taken, at most: a sleep that would pass the deadline (a vendor's
    /// ETA, a stretched interval) is cut short so the task is read once more just before the wait gives up.
    /// </summary>
    public static readonly TimeSpan LastLookMargin = TimeSpan.FromSeconds(1);

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

        // The deadline is a timer on the injected clock (no upper limit, unlike Polly's timeout strategy, which takes at
        // most a day): it cancels the sleep or the request in flight, and the wait then ends as timed out.
        using var deadline = options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.Timeout, time);
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        state.Deadline = options.Timeout == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() + options.Timeout;
        using var updates = this.updates.Subscribe(taskId);
        state.CallbackFloor = options.CallbackPollInterval > TimeSpan.Zero && expectsCallback(taskId) ? options.CallbackPollInterval : TimeSpan.Zero;
        try
        {
            var task = await LoopAsync(state, updates, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            outcome = task.Status.ToString().ToLowerInvariant();
            if (task.Status == MotionControlTaskStatus.Succeeded && state.Schedule.ObservedDuration is { } took)
            {
                Estimate.Record(took);
            }

            MotionControlTelemetry.Complete(activity, task);
            if (task.Charge is { } charge)
            {
                MotionControlLog.TaskCharged(logger, providerName, task.Id, task.Status, charge.Amount, charge.Unit, charge.Source);
                MotionControlMetrics.RecordCharge(providerName, modelOf(task.Id), charge);
            }

            return task;
        }
        catch (OperationCanceledException) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            outcome = "timeout";
            var timeout = new MotionControlWaitTimeoutException(providerName, taskId, options.Timeout, state.LastTask);
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

    /// <summary>
    /// Looks at the task until it is terminal: a poll, or an update a callback delivered (<see cref="TaskUpdates"/>), then a
    /// sleep as <see cref="PollSchedule"/> says, cut short by the next update. A transient read failure keeps the wait
    /// going; anything else ends it. Written out rather than as a Polly retry-on-result (as it was): a retry's delay
    /// cannot be cut short by an event, and a wait must wake when its task's callback arrives.
    /// </summary>
    private async Task<MotionControlTask> LoopAsync(WaitState state, TaskUpdates.Subscription updates, CancellationToken cancellationToken)
    {
        while (true)
        {
            MotionControlTask? task = null;
            Exception? failure = null;
            if (updates.TryTake(out var pushed))
            {
                task = state.Accept(pushed, polled: false);
            }
            else
            {
                try
                {
                    task = await state.PollAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (MotionControlException ex) when (ex.IsTransient)
                {
                    failure = ex;
                }
            }

            if (task is { IsTerminal: true })
            {
                return task;
            }

            var next = state.Schedule.Next(task, failure);
            var delay = state.BeforeDeadline(failure is null && next < state.CallbackFloor ? state.CallbackFloor : next);
            state.LogNextPoll(delay);
            await updates.SleepAsync(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class WaitState(TaskPoller poller, string taskId, MotionControlWaitOptions options, Action<MotionControlTask>? onChange)
    {
        public PollSchedule Schedule { get; } = new(options, poller.time, options.ExpectedDuration ?? poller.Estimate.Current);

        public MotionControlTask? LastTask { get; private set; }

        public int Polls { get; private set; }

        /// <summary>The shortest sleep between polls when a callback is expected to end the wait; zero otherwise.</summary>
        public TimeSpan CallbackFloor { get; set; }

        /// <summary>When the wait gives up, or <see langword="null"/> for a wait without a deadline.</summary>
        public DateTimeOffset? Deadline { get; set; }

        private bool _lastLookTaken;

        /// <summary>
        /// Cuts a sleep that would pass the deadline short, so the task is read once more just before it (at the deadline
        /// less <see cref="LastLookMargin"/>, or a tenth of the time left if that is less); after that last look, the
        /// sleep runs into the deadline, which ends the wait.
        /// </summary>
        public TimeSpan BeforeDeadline(TimeSpan delay)
        {
            if (Deadline is not { } deadline)
            {
                return delay;
            }

            var left = deadline - poller.time.GetUtcNow();
            var margin = Min(LastLookMargin, left / 10);
            if (delay < left - margin)
            {
                return delay;
            }

            if (_lastLookTaken || left <= TimeSpan.Zero)
            {
                // The deadline's timer fires during this sleep.
                return left > TimeSpan.Zero ? left + LastLookMargin : LastLookMargin;
            }

            _lastLookTaken = true;
            return left - margin;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

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
            return Accept(task, polled: true);
        }

        /// <summary>Takes <paramref name="task"/> as the latest look at the task: from a poll, or delivered by a callback.</summary>
        public MotionControlTask Accept(MotionControlTask task, bool polled)
        {
            if (!polled)
            {
                MotionControlLog.UpdateReceived(poller.logger, poller.providerName, task.Id, task.Status);
            }

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
