namespace MotionControl.Jobs.Storage;

/// <summary>The outcome of <see cref="IJobStore.TryAcquireSlotAsync"/>.</summary>
/// <param name="Acquired">True when the job holds a slot now.</param>
/// <param name="Limit">The registration's current limit.</param>
/// <param name="InUse">Slots held after the call (this job's included when acquired).</param>
internal readonly record struct GovernorAcquireResult(bool Acquired, int Limit, int InUse);
