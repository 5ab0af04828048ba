namespace MotionControl.Testing;

/// <summary>A timer of <see cref="ManualTimeProvider"/>; its schedule is kept (under the provider's lock) by the provider.</summary>
internal sealed class ManualTimer : ITimer
{
    private readonly ManualTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;

    public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
    }

    // The fields below are read and written only under the provider's lock.
    internal DateTimeOffset DueTime { get; set; }

    internal TimeSpan Period { get; set; }

    internal long Sequence { get; set; }

    internal bool IsDisposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => _owner.Schedule(this, dueTime, period);

    public void Dispose() => _owner.Unschedule(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire() => _callback(_state);
}
