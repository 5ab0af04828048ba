namespace MotionControl.Jobs.Storage;

/// <summary>A job asking for one of its registration's concurrency slots (<see cref="IJobStore.TryAcquireSlotAsync"/>).</summary>
internal sealed record GovernorAcquireRequest
{
    /// <summary>The registration (account) whose slots are counted.</summary>
    public required string Registration { get; init; }

    /// <summary>The job that would hold the slot.</summary>
    public required string JobId { get; init; }

    /// <summary>The worker that must hold the job's lease.</summary>
    public required string WorkerId { get; init; }

    /// <summary>The configured maximum; the current limit starts here and never rises above it.</summary>
    public required int ConfiguredLimit { get; init; }

    /// <summary>The time of the request.</summary>
    public required DateTimeOffset Now { get; init; }
}
