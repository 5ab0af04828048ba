namespace MotionControl.Tests.Polling;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts its armed timers. <see cref="FakeClockJobRun"/> moves virtual time only
/// while the poller sleeps, which it sees as "no request in flight and at least two timers armed" (the poll delay beside
/// the wait's deadline). FakeTimeProvider exposes no pending-timer count, so this wraps each timer it hands out and
/// keeps the count itself; the timers still fire, in order, by FakeTimeProvider's own rules.
/// </summary>
/// <remarks>
/// A timer counts from a <see cref="ITimer.Change"/> (or creation) with a finite due time until it fires once (if it
/// has no period), is changed to an infinite due time, or is disposed. A callback racing a concurrent
/// <see cref="ITimer.Change"/> can only make the count too low, which makes a run wait longer, never advance early.
/// </remarks>
internal sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private int _armed;

    /// <summary>Gets how many timers are armed: created or changed with a finite due time, not yet fired if one-shot, not disposed.</summary>
    public int ArmedTimerCount => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new CountedTimer(this, callback, state);

        // Created disarmed, then armed through Change: a due time of zero fires inside Change, after the count is set.
        timer.Inner = base.CreateTimer(CountedTimer.Fire, timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private readonly object _gate = new();
        private bool _armed;
        private bool _periodic;
        private bool _disposed;

        public ITimer Inner { get; set; } = null!;

        public static void Fire(object? timer) => ((CountedTimer)timer!).OnFire();

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool wasArmed, wasPeriodic;
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                (wasArmed, wasPeriodic) = (_armed, _periodic);
                SetArmed(dueTime != Timeout.InfiniteTimeSpan);
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            }

            try
            {
                // Outside the lock: a timer due now fires on this thread.
                return Inner.Change(dueTime, period);
            }
            catch
            {
                // An out-of-range span leaves the timer's schedule as it was (FakeTimeProvider checks before it changes).
                lock (_gate)
                {
                    SetArmed(wasArmed);
                    _periodic = wasPeriodic;
                }

                throw;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                SetArmed(false);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void OnFire()
        {
            lock (_gate)
            {
                if (!_periodic)
                {
                    SetArmed(false);
                }
            }

            callback(state);
        }

        // Under _gate.
        private void SetArmed(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref owner._armed, armed ? 1 : -1);
            }
        }
    }
}
