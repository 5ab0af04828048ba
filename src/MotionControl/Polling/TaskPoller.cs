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
        using var run = new WaitRun(this, taskId, options, cancellationToken);
        while (true)
        {
            var (task, done) = await run.NextAsync().ConfigureAwait(false);
            onChange?.Invoke(task);
            if (done)
            {
                return task;
            }
        }
    }

    /// <summary>
    /// The wait as a sequence: the task each time it changes, the terminal task last. This is the loop itself (each item is
    /// computed when it is asked for), not a pump into a channel; stopping early ends the wait at once.
    /// </summary>
    /// <exception cref="MotionControlWaitTimeoutException">The deadline passed first.</exception>
    public async IAsyncEnumerable<MotionControlTask> WatchAsync(string taskId, MotionControlWaitOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var run = new WaitRun(this, taskId, options, cancellationToken);
        while (true)
        {
            var (task, done) = await run.NextAsync().ConfigureAwait(false);
            yield return task;
            if (done)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// One wait in progress: its deadline, its subscription to callback updates, its span, and the loop, stepped from one
    /// change of the task to the next (<see cref="NextAsync"/>), so <see cref="WatchAsync"/> can be the loop without a
    /// <c>yield</c> inside a <c>try</c>/<c>catch</c>. Disposing it ends the wait (logged and measured once).
    /// </summary>
    private sealed class WaitRun : IDisposable
    {
        private readonly TaskPoller _poller;
        private readonly string _taskId;
        private readonly MotionControlWaitOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly System.Diagnostics.Activity? _activity;
        private readonly WaitState _state;
        private readonly long _started;
        private readonly CancellationTokenSource? _deadline;
        private readonly CancellationTokenSource? _linked;
        private readonly TaskUpdates.Subscription _updates;
        private TimeSpan? _sleep;

        // Until the wait ends otherwise, a wait left by its consumer (a WatchAsync stopped early) counts as cancelled.
        private string _outcome = "canceled";

        public WaitRun(TaskPoller poller, string taskId, MotionControlWaitOptions options, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
            WaitOptionsValidator.ThrowIfInvalid(options);
            _poller = poller;
            _taskId = taskId;
            _options = options;
            _cancellationToken = cancellationToken;
            _activity = MotionControlTelemetry.Start("motioncontrol.wait", poller.providerName, taskId);
            _state = new WaitState(poller, taskId, options);
            _started = poller.time.GetTimestamp();

            // The deadline is a timer on the injected clock (no upper limit, unlike Polly's timeout strategy, which takes at
            // most a day): it cancels the sleep or the request in flight, and the wait then ends as timed out.
            _deadline = options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.Timeout, poller.time);
            _linked = _deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
            _state.Deadline = _deadline is null ? null : poller.time.GetUtcNow() + options.Timeout;
            _updates = poller.updates.Subscribe(taskId);
            _state.CallbackFloor = options.CallbackPollInterval > TimeSpan.Zero && poller.expectsCallback(taskId) ? options.CallbackPollInterval : TimeSpan.Zero;
        }

        /// <summary>
        /// Runs the loop until the task changes (or ends): a poll, or an update a callback delivered (<see cref="TaskUpdates"/>),
        /// then a sleep as <see cref="PollSchedule"/> says, cut short by the next update. A transient read failure keeps the
        /// wait going; anything else ends it. Written out rather than as a Polly retry-on-result (as it was): a retry's
        /// delay cannot be cut short by an event, and a wait must wake when its task's callback arrives.
        /// </summary>
        public async Task<(MotionControlTask Task, bool Done)> NextAsync()
        {
            // Polls and sleeps belong to the wait's span, whichever context asks for the next change.
            if (_activity is not null)
            {
                System.Diagnostics.Activity.Current = _activity;
            }

            var token = _linked?.Token ?? _cancellationToken;
            try
            {
                while (true)
                {
                    if (_sleep is { } delay)
                    {
                        _sleep = null;
                        await _updates.SleepAsync(delay, _poller.time, token).ConfigureAwait(false);
                    }

                    MotionControlTask? task = null;
                    Exception? failure = null;
                    var changed = false;
                    if (_updates.TryTake(out var pushed))
                    {
                        (task, changed) = _state.Accept(pushed, polled: false);
                    }
                    else
                    {
                        try
                        {
                            (task, changed) = await _state.PollAsync(token).ConfigureAwait(false);
                        }
                        catch (MotionControlException ex) when (ex.IsTransient)
                        {
                            failure = ex;
                        }
                    }

                    if (task is { IsTerminal: true })
                    {
                        End(task);
                        return (task, true);
                    }

                    var next = _state.Schedule.Next(task, failure);
                    var sleep = _state.BeforeDeadline(failure is null && next < _state.CallbackFloor ? _state.CallbackFloor : next);
                    _state.LogNextPoll(sleep);
                    _sleep = sleep;
                    if (changed)
                    {
                        return (task!, false);
                    }
                }
            }
            catch (OperationCanceledException) when (_deadline is { IsCancellationRequested: true } && !_cancellationToken.IsCancellationRequested)
            {
                _outcome = "timeout";
                var timeout = new MotionControlWaitTimeoutException(_poller.providerName, _taskId, _options.Timeout, _state.LastTask);
                MotionControlTelemetry.Fail(_activity, timeout);
                throw timeout;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                _outcome = "canceled";
                throw;
            }
            catch (Exception ex)
            {
                _outcome = "failed";
                MotionControlTelemetry.Fail(_activity, ex);
                throw;
            }
        }

        public void Dispose()
        {
            var elapsed = _poller.time.GetElapsedTime(_started);
            MotionControlLog.WaitEnded(_poller.logger, _poller.providerName, _taskId, _outcome, elapsed.TotalMilliseconds, _state.Polls);
            MotionControlMetrics.RecordWait(_poller.providerName, _outcome, _state.Polls, elapsed);
            _updates.Dispose();
            _linked?.Dispose();
            _deadline?.Dispose();
            _activity?.Dispose();
        }

        private void End(MotionControlTask task)
        {
            _outcome = task.Status.ToString().ToLowerInvariant();
            if (task.Status == MotionControlTaskStatus.Succeeded && _state.Schedule.ObservedDuration is { } took)
            {
                _poller.Estimate.Record(took);
            }

            MotionControlTelemetry.Complete(_activity, task);
            if (task.Charge is { } charge)
            {
                MotionControlLog.TaskCharged(_poller.logger, _poller.providerName, task.Id, task.Status, charge.Amount, charge.Unit, charge.Source);
                MotionControlMetrics.RecordCharge(_poller.providerName, _poller.modelOf(task.Id), charge);
            }
        }
    }

    private sealed class WaitState(TaskPoller poller, string taskId, MotionControlWaitOptions options)
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

        public async ValueTask<(MotionControlTask Task, bool Changed)> PollAsync(CancellationToken cancellationToken)
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

        /// <summary>Takes <paramref name="task"/> as the latest look at the task (from a poll, or delivered by a callback); says whether it changed.</summary>
        public (MotionControlTask Task, bool Changed) Accept(MotionControlTask task, bool polled)
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

                options.Progress?.Report(task);
                return (task, true);
            }

            return (task, false);
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
