namespace MotionControl.Testing;

/// <summary>
/// A script for one emulated task: the non-terminal phases it goes through, then its outcome. Immutable: each
/// method returns a new lifecycle, so scripts can be shared and built up fluently.
/// </summary>
/// <remarks>
/// <para>
/// The state is worked out when the task is read, never by a timer: a phase counted in polls ends after that many
/// single-task reads (get, or ModelsLab fetch) have seen it; a timed phase ends when the emulator's clock passes its
/// end. Lists, downloads and <see cref="MotionControlEmulator.FindTask"/> look at the state without counting as polls.
/// The create reply always shows the vendor's initial status; the first poll sees the first phase.
/// </para>
/// <example>
/// <code>
/// // Poll 1 queued, polls 2-3 processing, poll 4 succeeded with two videos.
/// var lifecycle = new TaskLifecycle().Queued(polls: 1).Processing(polls: 2).Succeeds(videoCount: 2);
/// // Queued for 30 s of emulator time, then processing for 2 min, then a content-policy failure.
/// var timed = new TaskLifecycle().Queued(TimeSpan.FromSeconds(30)).Processing(TimeSpan.FromMinutes(2)).FailsWithContentPolicyViolation();
/// </code>
/// </example>
/// </remarks>
public sealed class TaskLifecycle
{
    private readonly LifecyclePhase[] _phases;

    /// <summary>Creates a lifecycle with no phases that succeeds with one video: the first poll sees it finished.</summary>
    public TaskLifecycle()
        : this([], TaskOutcome.Success())
    {
    }

    private TaskLifecycle(LifecyclePhase[] phases, TaskOutcome outcome)
    {
        _phases = phases;
        Outcome = outcome;
    }

    /// <summary>Gets the lifecycle used when nothing is scripted: 1 poll queued, 2 polls processing, then success with 1 video.</summary>
    public static TaskLifecycle Default { get; } = new TaskLifecycle().Queued(1).Processing(2).Succeeds();

    /// <summary>Gets the non-terminal phases, in order.</summary>
    public IReadOnlyList<LifecyclePhase> Phases => _phases;

    /// <summary>Gets how the task ends once every phase is over.</summary>
    public TaskOutcome Outcome { get; }

    /// <summary>Appends a queued phase seen by <paramref name="polls"/> polls.</summary>
    /// <param name="polls">The number of polls, 0 or more (0 skips the phase).</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Queued(int polls) => Append(EmulatedTaskStatus.Queued, polls);

    /// <summary>Appends a queued phase lasting <paramref name="duration"/> of emulator time.</summary>
    /// <param name="duration">The duration, zero or more.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Queued(TimeSpan duration) => Append(EmulatedTaskStatus.Queued, duration);

    /// <summary>Appends a processing phase seen by <paramref name="polls"/> polls.</summary>
    /// <param name="polls">The number of polls, 0 or more (0 skips the phase).</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Processing(int polls) => Append(EmulatedTaskStatus.Processing, polls);

    /// <summary>Appends a processing phase lasting <paramref name="duration"/> of emulator time.</summary>
    /// <param name="duration">The duration, zero or more.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Processing(TimeSpan duration) => Append(EmulatedTaskStatus.Processing, duration);

    /// <summary>Appends a processing phase that never ends, for wait-timeout and cancellation tests.</summary>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle ProcessingForever() =>
        new([.. _phases, new LifecyclePhase(EmulatedTaskStatus.Processing, null, null)], Outcome);

    /// <summary>Ends the lifecycle with success.</summary>
    /// <param name="videoCount">How many result videos (0 or more).</param>
    /// <param name="videoDurationSeconds">The duration each video reports, in seconds.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Succeeds(int videoCount = 1, double videoDurationSeconds = 5.0) =>
        EndsWith(TaskOutcome.Success(videoCount, videoDurationSeconds));

    /// <summary>Ends the lifecycle with a failure.</summary>
    /// <param name="message">The failure reason shown by the vendor.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle Fails(string message) => EndsWith(TaskOutcome.Failure(message));

    /// <summary>Ends the lifecycle with a content-policy failure.</summary>
    /// <param name="message">The failure reason; <see cref="TaskOutcome.DefaultContentPolicyMessage"/> when null.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle FailsWithContentPolicyViolation(string? message = null) => EndsWith(TaskOutcome.ContentPolicyViolation(message));

    /// <summary>Ends the lifecycle with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>A new lifecycle.</returns>
    public TaskLifecycle EndsWith(TaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new TaskLifecycle(_phases, outcome);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" -> ", _phases.Select(p => p.ToString()).Append(Outcome.ToString()));

    private TaskLifecycle Append(EmulatedTaskStatus status, int polls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(polls);
        return new TaskLifecycle([.. _phases, new LifecyclePhase(status, polls, null)], Outcome);
    }

    private TaskLifecycle Append(EmulatedTaskStatus status, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new TaskLifecycle([.. _phases, new LifecyclePhase(status, null, duration)], Outcome);
    }
}
