namespace MotionControl.Polling;

/// <summary>
/// Decides how long to wait before the next poll: a short first interval that backs off by a factor up to a cap, with
/// jitter; the vendor's own hint when it gives one (an ETA, a progress rate, <c>Retry-After</c>); and, without a hint,
/// the job's expected duration.
/// </summary>
/// <remarks>
/// A hint or the expectation may stretch one sleep past <see cref="MotionControlWaitOptions.MaxPollInterval"/>, up to
/// <see cref="MotionControlWaitOptions.MaxHintedPollInterval"/>, because a vendor that says "done in 4 minutes" is better
/// believed than polled 24 times. A sleep aimed at a predicted or expected end lands slightly after it, so the finished
/// task is seen at once. A stretched sleep is never longer than the job's age so far, so a wrong guess costs at most as
/// much again as the job has run.
/// Not thread-safe: one schedule per wait.
/// </remarks>
internal sealed class PollSchedule
{
    /// <summary>How long after a predicted completion to look, so the task is finished when polled.</summary>
    public static readonly TimeSpan HintMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>A vendor creation time further back than this is not believed (a wrong clock or a wrong field).</summary>
    private static readonly TimeSpan OldestBelievableCreation = TimeSpan.FromDays(1);

    private readonly MotionControlWaitOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _expected;
    private TimeSpan _interval;
    private DateTimeOffset _origin;
    private bool _originSettled;
    private DateTimeOffset? _lastRunningAt;
    private DateTimeOffset? _endSeenAt;
    private (DateTimeOffset At, int Progress)? _firstProgress;

    /// <param name="options">The wait's options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="expected">How long the job is expected to take from its creation; <see langword="null"/> or zero for no expectation.</param>
    public PollSchedule(MotionControlWaitOptions options, TimeProvider time, TimeSpan? expected = null)
    {
        _options = options;
        _time = time;
        _expected = expected > TimeSpan.Zero ? expected : null;
        _interval = options.PollInterval;
        _origin = time.GetUtcNow();
    }

    /// <summary>When the job is taken to have started: the vendor's creation time if it gave a believable one, else the start of the wait.</summary>
    public DateTimeOffset Origin => _origin;

    /// <summary>
    /// How long the job took, if this wait saw it both running and finished: from <see cref="Origin"/> to halfway between
    /// the last poll that saw it running and the first that saw it finished.
    /// </summary>
    public TimeSpan? ObservedDuration =>
        _lastRunningAt is { } running && _endSeenAt is { } end ? running + ((end - running) / 2) - _origin : null;

    /// <summary>Records a task seen at the current time (progress observations feed the rate estimate).</summary>
    public void Observe(MotionControlTask task)
    {
        var now = _time.GetUtcNow();
        if (!_originSettled)
        {
            _originSettled = true;
            if (task.CreatedAt is { } created && created < _origin && _origin - created < OldestBelievableCreation)
            {
                _origin = created;
            }
        }

        if (!task.IsTerminal)
        {
            _lastRunningAt = now;
        }
        else
        {
            _endSeenAt ??= now;
        }

        if (task.Progress is { } progress and > 0 and < 100 && _firstProgress is null)
        {
            _firstProgress = (now, progress);
        }
    }

    /// <summary>The delay before the next poll, after a poll that returned <paramref name="task"/> or failed with <paramref name="error"/>.</summary>
    public TimeSpan Next(MotionControlTask? task, Exception? error)
    {
        var backoff = _interval;
        _interval = TimeSpan.FromTicks(Math.Min((long)(_interval.Ticks * _options.BackoffFactor), _options.MaxPollInterval.Ticks));

        var vendorAsked = (error as MotionControlException)?.RetryAfter;
        if (vendorAsked is { } asked)
        {
            return asked > backoff ? asked : backoff;
        }

        if (task is null)
        {
            return Jitter(backoff);
        }

        if (Predict(task) is { } predicted)
        {
            // The vendor's own hint wins over the expectation, whichever way it points.
            return predicted > backoff ? Min(predicted + HintMargin, StretchCap) : Jitter(backoff);
        }

        return Expect(backoff) ?? Jitter(backoff);
    }

    private TimeSpan StretchCap => _options.MaxHintedPollInterval > _options.MaxPollInterval ? _options.MaxHintedPollInterval : _options.MaxPollInterval;

    private TimeSpan? Predict(MotionControlTask task)
    {
        var now = _time.GetUtcNow();
        if (task.EstimatedCompletion is { } eta && eta > now)
        {
            return eta - now;
        }

        // Linear extrapolation from the first progress seen to the latest: vendors' progress grows roughly with time.
        // Never further ahead than the job's age: a vendor whose progress moves per poll rather than per second would
        // otherwise read each longer sleep as slower progress, and stretch the next sleep straight to the cap.
        if (task.Progress is { } progress and > 0 and < 100 && _firstProgress is { } first && progress > first.Progress && now > first.At)
        {
            var perPercent = (now - first.At) / (progress - first.Progress);
            return Min(perPercent * (100 - progress), now - _origin);
        }

        return null;
    }

    /// <summary>Without a hint: sleep sparsely until the expected end, never more than the job's age at a time.</summary>
    private TimeSpan? Expect(TimeSpan backoff)
    {
        if (_expected is not { } expected)
        {
            return null;
        }

        var age = _time.GetUtcNow() - _origin;
        var remaining = expected - age;
        if (remaining <= backoff)
        {
            // At (or past) the expected end: the back-off and its cap decide, so a late job is seen within MaxPollInterval.
            return null;
        }

        var stretch = Min(age, StretchCap);
        if (stretch <= backoff)
        {
            return null;
        }

        return stretch >= remaining ? remaining + HintMargin : Min(Jitter(stretch), remaining + HintMargin);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private TimeSpan Jitter(TimeSpan delay)
    {
        if (_options.Jitter <= 0)
        {
            return delay;
        }

        // Spread waits that started together, so a batch of jobs does not poll in lock-step.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var factor = 1 + (((Random.Shared.NextDouble() * 2) - 1) * _options.Jitter);
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }
}
