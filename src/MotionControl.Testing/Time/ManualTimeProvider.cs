using System.Globalization;

namespace MotionControl.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when told to, so that code which waits, polls or times out
/// can be tested in virtual time: a ten-minute wait runs in microseconds.
/// </summary>
/// <remarks>
/// <para>
/// Timers made by <see cref="CreateTimer"/> (and therefore <c>Task.Delay(delay, timeProvider)</c>,
/// <c>new CancellationTokenSource(delay, timeProvider)</c> and Polly's delays) fire when <see cref="Advance"/> or
/// <see cref="SetUtcNow"/> moves the clock to or past their due time. They fire on the thread that moves the clock,
/// in due-time order, with the clock set to each timer's due time while its callback runs; a periodic timer fires
/// once per period crossed. A timer whose due time has already come when it is created or changed fires at once, on
/// the calling thread (as <c>FakeTimeProvider</c> of Microsoft.Extensions.TimeProvider.Testing does).
/// </para>
/// <para>All members are thread-safe. The clock never goes back. <see cref="LocalTimeZone"/> is UTC.</para>
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The default start time: 2026-01-01T00:00:00Z, fixed so that test output is reproducible.</summary>
    public static readonly DateTimeOffset DefaultStartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    // Where the clock is headed: concurrent Advance calls add up here, even while an earlier advance is still firing timers.
    private DateTimeOffset _horizon;
    private long _scheduleSequence;

    /// <summary>Creates a clock that starts at <see cref="DefaultStartTime"/>.</summary>
    public ManualTimeProvider()
        : this(DefaultStartTime)
    {
    }

    /// <summary>Creates a clock that starts at <paramref name="startTime"/>.</summary>
    /// <param name="startTime">The initial value of <see cref="GetUtcNow"/> (converted to UTC).</param>
    public ManualTimeProvider(DateTimeOffset startTime)
    {
        _now = startTime.ToUniversalTime();
        _horizon = _now;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Gets the frequency of <see cref="GetTimestamp"/>: 10,000,000 ticks per second.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets the number of timers that are scheduled to fire (created, not disposed, not yet fired if one-shot).</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Gets a timestamp that follows the manual clock (UTC ticks), so <see cref="TimeProvider.GetElapsedTime(long)"/> measures virtual time.</summary>
    /// <returns>The current time in ticks of <see cref="TimestampFrequency"/>.</returns>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now.UtcTicks;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    /// <param name="delta">How far to move; zero fires only timers already due.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            _horizon += delta;
            target = _horizon;
        }

        RunUntil(target);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way.</summary>
    /// <param name="value">The new time; it must not be earlier than the current time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        var target = value.ToUniversalTime();
        lock (_gate)
        {
            if (target < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The clock cannot go back (it is {_now:O}).");
            }

            if (target > _horizon)
            {
                _horizon = target;
            }
        }

        RunUntil(target);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public override string ToString() => GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Schedules (or unschedules, when <paramref name="dueTime"/> is infinite) a timer; returns false once it is disposed.</summary>
    internal bool Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimerSpan(dueTime, nameof(dueTime));
        ValidateTimerSpan(period, nameof(period));

        bool dueNow;
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            timer.DueTime = _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.Sequence = ++_scheduleSequence;
            _timers.Add(timer);
            dueNow = dueTime == TimeSpan.Zero;
        }

        if (dueNow)
        {
            RunUntil(GetUtcNow());
        }

        return true;
    }

    internal void Unschedule(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.IsDisposed = true;
            _timers.Remove(timer);
        }
    }

    private static void ValidateTimerSpan(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer span must be non-negative or Timeout.InfiniteTimeSpan.");
        }
    }

    // One timer at a time, each fired outside the lock so its callback may create, change or dispose timers
    // (or even advance the clock) without deadlocking; the loop re-reads the queue after every callback.
    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var candidate in _timers)
                {
                    if (candidate.DueTime <= target &&
                        (next is null || candidate.DueTime < next.DueTime ||
                         (candidate.DueTime == next.DueTime && candidate.Sequence < next.Sequence)))
                    {
                        next = candidate;
                    }
                }

                if (next is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (next.DueTime > _now)
                {
                    _now = next.DueTime;
                }

                if (next.Period > TimeSpan.Zero)
                {
                    next.DueTime += next.Period;
                    next.Sequence = ++_scheduleSequence;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }
}
