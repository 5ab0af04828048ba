using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// The server-side state of one emulated task. Its status is evaluated from the lifecycle when it is read (no timers),
/// so thousands of tasks cost nothing while nobody polls them.
/// </summary>
internal sealed class EmulatedTaskRecord
{
    // An endless phase still needs some ETA for ModelsLab; a minute keeps clients polling without looking finished.
    private const int EndlessPhaseEtaSeconds = 60;

    private readonly object _gate = new();
    private readonly LifecyclePhase[] _phases;

    private int _phaseIndex;
    private int _pollsInPhase;
    private DateTimeOffset _phaseStartedAt;
    private int _pollCount;
    private DateTimeOffset? _terminalAt;
    private DateTimeOffset? _canceledAt;
    private int _progressAtCancel;
    private bool _endReported;
    private bool _finishReported;

    public EmulatedTaskRecord(
        string provider,
        string account,
        string id,
        string? externalTaskId,
        long sequence,
        DateTimeOffset createdAt,
        TaskLifecycle lifecycle,
        JsonElement request,
        string requestBody)
    {
        Provider = provider;
        Account = account;
        Id = id;
        ExternalTaskId = externalTaskId;
        Sequence = sequence;
        CreatedAt = createdAt;
        Lifecycle = lifecycle;
        Request = request;
        RequestBody = requestBody;
        _phases = [.. lifecycle.Phases];
        _phaseStartedAt = createdAt;
    }

    public string Provider { get; }

    /// <summary>Gets the name of the account that created the task; only that account can read, list or cancel it.</summary>
    public string Account { get; }

    public string Id { get; }

    public string? ExternalTaskId { get; }

    /// <summary>Gets the creation order across the emulator (newest first in lists).</summary>
    public long Sequence { get; }

    public DateTimeOffset CreatedAt { get; }

    public TaskLifecycle Lifecycle { get; }

    public TaskOutcome Outcome => Lifecycle.Outcome;

    /// <summary>Gets the create body (a cloned element, safe to read from many threads, unlike a lazily built JsonNode).</summary>
    public JsonElement Request { get; }

    /// <summary>Gets the create body text as recorded (secrets redacted unless redaction is off).</summary>
    public string RequestBody { get; }

    /// <summary>
    /// Called once, outside the record's lock, with the first observation that sees the task finished (succeeded or
    /// failed; not cancelled): where the emulator sends the task's callback from.
    /// </summary>
    public Action<EmulatedTaskRecord, TaskObservation>? Ended { get; set; }

    /// <summary>Writes the task's callback body as its vendor sends it; null for vendors whose callbacks the emulator does not make.</summary>
    public Func<EmulatedTaskRecord, TaskObservation, System.Text.Json.Nodes.JsonObject>? CallbackBody { get; set; }

    /// <summary>Gets or sets a value indicating whether the vendor signs this task's callbacks (Kling: with the account's webhook secret).</summary>
    public bool SignsCallbacks { get; set; }

    /// <summary>
    /// Called once, outside the record's lock, when a read or a cancel first sees the task terminal (succeeded, failed
    /// or cancelled): where the provider's running-task count goes down.
    /// </summary>
    public Action<EmulatedTaskRecord>? Finished { get; set; }

    public TaskObservation Observe(DateTimeOffset now, bool countAsPoll)
    {
        TaskObservation observation;
        bool ended = false;
        bool finished = false;
        lock (_gate)
        {
            if (countAsPoll)
            {
                _pollCount++;
            }

            if (_canceledAt is { } canceledAt)
            {
                return new TaskObservation(EmulatedTaskStatus.Canceled, _progressAtCancel, 0, _pollCount, canceledAt, canceledAt);
            }

            AdvancePhases(now);
            if (countAsPoll && _phaseIndex < _phases.Length)
            {
                _pollsInPhase++;
            }

            observation = Snapshot(now);
            if (_phaseIndex >= _phases.Length && !_endReported)
            {
                _endReported = true;
                ended = true;
            }

            finished = observation.IsTerminal && MarkFinished();
        }

        if (finished)
        {
            Finished?.Invoke(this);
        }

        if (ended)
        {
            Ended?.Invoke(this, observation);
        }

        return observation;
    }

    public bool TryCancel(DateTimeOffset now, out TaskObservation observation)
    {
        bool finished;
        bool canceled = TryCancelCore(now, out observation);
        lock (_gate)
        {
            finished = observation.IsTerminal && MarkFinished();
        }

        if (finished)
        {
            Finished?.Invoke(this);
        }

        return canceled;
    }

    private bool MarkFinished()
    {
        if (_finishReported)
        {
            return false;
        }

        _finishReported = true;
        return true;
    }

    private bool TryCancelCore(DateTimeOffset now, out TaskObservation observation)
    {
        lock (_gate)
        {
            if (_canceledAt is null)
            {
                AdvancePhases(now);
                if (_phaseIndex < _phases.Length)
                {
                    _progressAtCancel = Snapshot(now).Progress;
                    _canceledAt = now;
                    observation = new TaskObservation(EmulatedTaskStatus.Canceled, _progressAtCancel, 0, _pollCount, now, now);
                    return true;
                }
            }

            observation = _canceledAt is { } at
                ? new TaskObservation(EmulatedTaskStatus.Canceled, _progressAtCancel, 0, _pollCount, at, at)
                : Snapshot(now);
            return false;
        }
    }

    // A timed phase ends at its exact end time. A poll-counted phase ends just after the last poll that saw it, which
    // is only known at the next read: that read's time is when the next phase starts (and, for the last phase, when
    // the task finished), so no timestamp ever contradicts a status a client was shown.
    private void AdvancePhases(DateTimeOffset now)
    {
        while (_phaseIndex < _phases.Length)
        {
            var phase = _phases[_phaseIndex];
            DateTimeOffset endedAt;
            if (phase.Polls is { } polls)
            {
                if (_pollsInPhase < polls)
                {
                    return;
                }

                endedAt = polls == 0 ? _phaseStartedAt : now;
            }
            else if (phase.Duration is { } duration)
            {
                endedAt = _phaseStartedAt + duration;
                if (now < endedAt)
                {
                    return;
                }
            }
            else
            {
                return;
            }

            _phaseIndex++;
            _pollsInPhase = 0;
            _phaseStartedAt = endedAt;
        }

        _terminalAt ??= _phaseStartedAt;
    }

    private TaskObservation Snapshot(DateTimeOffset now)
    {
        if (_phaseIndex >= _phases.Length)
        {
            var terminalAt = _terminalAt ?? now;
            var status = Outcome.Kind == TaskOutcomeKind.Succeeded ? EmulatedTaskStatus.Succeeded : EmulatedTaskStatus.Failed;
            return new TaskObservation(status, 100, 0, _pollCount, terminalAt, terminalAt);
        }

        var current = _phases[_phaseIndex];
        return new TaskObservation(current.Status, ComputeProgress(now), ComputeEtaSeconds(now), _pollCount, _phaseStartedAt, null);
    }

    private int ComputeProgress(DateTimeOffset now)
    {
        int processingPhases = 0;
        int processingPhasesDone = 0;
        for (int i = 0; i < _phases.Length; i++)
        {
            if (_phases[i].Status == EmulatedTaskStatus.Processing)
            {
                processingPhases++;
                if (i < _phaseIndex)
                {
                    processingPhasesDone++;
                }
            }
        }

        if (processingPhases == 0)
        {
            return 0;
        }

        var current = _phases[_phaseIndex];
        double fraction = 0;
        if (current.Status == EmulatedTaskStatus.Processing)
        {
            // Never reach 1 inside a phase: 100 is kept for a finished task.
            fraction = current switch
            {
                { Polls: { } polls } => (double)_pollsInPhase / (polls + 1),
                { Duration: { } duration } when duration > TimeSpan.Zero => Math.Min(0.99, (now - _phaseStartedAt) / duration),
                _ => (double)_pollsInPhase / (_pollsInPhase + 1),
            };
        }

        var progress = (int)Math.Floor(100 * (processingPhasesDone + fraction) / processingPhases);
        return Math.Clamp(progress, 0, 99);
    }

    private int ComputeEtaSeconds(DateTimeOffset now)
    {
        double seconds = 0;
        for (int i = _phaseIndex; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            if (phase.Polls is { } polls)
            {
                seconds += i == _phaseIndex ? Math.Max(0, polls - _pollsInPhase) : polls;
            }
            else if (phase.Duration is { } duration)
            {
                seconds += i == _phaseIndex ? Math.Max(0, (_phaseStartedAt + duration - now).TotalSeconds) : duration.TotalSeconds;
            }
            else
            {
                seconds += EndlessPhaseEtaSeconds;
            }
        }

        // While the task runs its ETA stays positive, as ModelsLab's does; the finishing poll itself takes time too.
        return (int)Math.Clamp(Math.Ceiling(seconds), 1, int.MaxValue);
    }
}
