namespace MotionControl.Polling;

/// <summary>
/// How long this client's jobs take, learned from the ones it has seen finish: an exponential moving average that starts
/// at <see cref="Initial"/>. The poller uses it when <see cref="MotionControlWaitOptions.ExpectedDuration"/> is not set.
/// Thread-safe: one per client, shared by all its waits.
/// </summary>
/// <remarks>
/// The starting point comes from the vendors' own words: Vydra documents "typically 2–5 minutes depending on video
/// length", and AIMLAPI's sample run took 5 min 56 s. The upper end of the documented range is taken because an
/// estimate that is too short only costs polls (a job running past it is still seen within
/// <see cref="MotionControlWaitOptions.MaxPollInterval"/>), while one that is too long costs detection delay.
/// </remarks>
internal sealed class JobDurationEstimate
{
    /// <summary>The estimate before any job has finished on this client.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromMinutes(5);

    /// <summary>How far each finished job moves the estimate towards its own length.</summary>
    public const double Weight = 0.3;

    private long _ticks = Initial.Ticks;

    /// <summary>The current estimate.</summary>
    public TimeSpan Current => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves the estimate <see cref="Weight"/> of the way towards <paramref name="observed"/> (ignored unless positive).</summary>
    public void Record(TimeSpan observed)
    {
        if (observed <= TimeSpan.Zero)
        {
            return;
        }

        var current = Interlocked.Read(ref _ticks);
        while (true)
        {
            var next = current + (long)((observed.Ticks - current) * Weight);
            var seen = Interlocked.CompareExchange(ref _ticks, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
