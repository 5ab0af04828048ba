namespace MotionControl.Polling;

/// <summary>
/// Decides how long to wait before the next poll: a short first interval that backs off by a factor up to a cap, with
/// jitter; the vendor's own hint when it gives one (an ETA, a progress rate, <c>Retry-After</c>).
/// </summary>
/// <remarks>
/// A hint may stretch one sleep past <see cref="MotionControlWaitOptions.MaxPollInterval"/>, up to
/// <see cref="MotionControlWaitOptions.MaxHintedPollInterval"/>, because a vendor that says "done in 4 minutes" is better believed than polled
/// 24 times; the sleep ends slightly after the predicted moment so the finished task is seen at once.
/// Not thread-safe: one schedule per wait.
/// </remarks>
internal sealed class PollSchedule
{
    /// <summary>How long after a predicted completion to look, so the task is finished when polled.</summary>
    public static readonly TimeSpan HintMargin = TimeSpan.FromMilliseconds(500);

    private readonly MotionControlWaitOptions _options;
    private readonly TimeProvider _time;
    private TimeSpan _interval;
    private (DateTimeOffset At, int Progress)? _firstProgress;

    public PollSchedule(MotionControlWaitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _interval = options.PollInterval;
    }

    /// <summary>Records a task seen at the current time (progress observations feed the rate estimate).</summary>
    public void Observe(MotionControlTask task)
    {
        if (task.Progress is { } progress and > 0 and < 100 && _firstProgress is null)
        {
            _firstProgress = (_time.GetUtcNow(), progress);
        }
    }

    /// <summary>The delay before the next poll, after a poll that returned <paramref name="task"/> or failed with <paramref name="error"/>.</summary>
    public TimeSpan Next(MotionControlTask? task, Exception? error)
    {
        var backoff = _interval;
        _interval = TimeSpan.FromTicks(Math.Min((long)(_interval.Ticks * _options.BackoffFactor), _options.MaxPollInterval.Ticks));

        var vendorAsked = error switch
        {
            MotionControlRateLimitedException { RetryAfter: { } after } => after,
            MotionControlServerException { RetryAfter: { } after } => after,
            _ => (TimeSpan?)null,
        };
        if (vendorAsked is { } asked)
        {
            return asked > backoff ? asked : backoff;
        }

        if (task is not null && Predict(task) is { } predicted && predicted > backoff)
        {
            var hinted = predicted + HintMargin;
            var cap = _options.MaxHintedPollInterval > _options.MaxPollInterval ? _options.MaxHintedPollInterval : _options.MaxPollInterval;
            return hinted > cap ? cap : hinted;
        }

        return Jitter(backoff);
    }

    private TimeSpan? Predict(MotionControlTask task)
    {
        var now = _time.GetUtcNow();
        if (task.EstimatedCompletion is { } eta && eta > now)
        {
            return eta - now;
        }

        // Linear extrapolation from the first progress seen to the latest: vendors' progress grows roughly with time.
        if (task.Progress is { } progress and > 0 and < 100 && _firstProgress is { } first && progress > first.Progress && now > first.At)
        {
            var perPercent = (now - first.At) / (progress - first.Progress);
            return perPercent * (100 - progress);
        }

        return null;
    }

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
