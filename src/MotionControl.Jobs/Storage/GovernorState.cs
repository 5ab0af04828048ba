namespace MotionControl.Jobs.Storage;

/// <summary>A registration's shared governor state.</summary>
/// <param name="Registration">The registration.</param>
/// <param name="Limit">The current limit (between 1 and the configured one).</param>
/// <param name="InUse">Slots held by its jobs.</param>
/// <param name="LastAdjustedAt">When the limit last changed, or null.</param>
internal readonly record struct GovernorState(string Registration, int Limit, int InUse, DateTimeOffset? LastAdjustedAt);
