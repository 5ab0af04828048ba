namespace MotionControl.Testing;

/// <summary>
/// One non-terminal stage of a <see cref="TaskLifecycle"/>: the task shows <see cref="Status"/> for a number of polls,
/// or for a span of the emulator's clock, or for ever.
/// </summary>
public sealed class LifecyclePhase
{
    internal LifecyclePhase(EmulatedTaskStatus status, int? polls, TimeSpan? duration)
    {
        Status = status;
        Polls = polls;
        Duration = duration;
    }

    /// <summary>Gets the status shown during the phase: <see cref="EmulatedTaskStatus.Queued"/> or <see cref="EmulatedTaskStatus.Processing"/>.</summary>
    public EmulatedTaskStatus Status { get; }

    /// <summary>Gets how many polls (single-task reads: Kling/PowerTokens/AIMLAPI/Vydra get, ModelsLab fetch) see this phase, or null when the phase is timed or endless.</summary>
    public int? Polls { get; }

    /// <summary>Gets how long, on the emulator's <see cref="TimeProvider"/>, the phase lasts, or null when it is counted in polls or endless.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Gets a value indicating whether the phase never ends (a task that never completes, for wait-timeout tests).</summary>
    public bool IsEndless => Polls is null && Duration is null;

    /// <inheritdoc />
    public override string ToString() =>
        Polls is { } polls ? $"{Status} x{polls} polls" : Duration is { } duration ? $"{Status} for {duration}" : $"{Status} for ever";
}
