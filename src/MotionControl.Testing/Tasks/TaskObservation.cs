namespace MotionControl.Testing;

/// <summary>What one read of an emulated task sees.</summary>
/// <param name="Status">The neutral status at the time of the read.</param>
/// <param name="Progress">0-100: 0 while queued, rising through the processing phases, 100 once finished.</param>
/// <param name="EtaSeconds">Seconds left until the task finishes (ModelsLab's <c>eta</c>); each outstanding poll counts as one second.</param>
/// <param name="PollCount">How many polls the task has had, this one included.</param>
/// <param name="UpdatedAt">When the task entered its current phase or finished.</param>
/// <param name="CompletedAt">When the task finished, or null while it runs.</param>
internal readonly record struct TaskObservation(
    EmulatedTaskStatus Status,
    int Progress,
    int EtaSeconds,
    int PollCount,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt)
{
    public bool IsTerminal => Status is EmulatedTaskStatus.Succeeded or EmulatedTaskStatus.Failed or EmulatedTaskStatus.Canceled;
}
