namespace MotionControl.Jobs.Storage;

/// <summary>A worker asking for runnable jobs (<see cref="IJobStore.ClaimAsync"/>).</summary>
internal sealed record JobClaimRequest
{
    /// <summary>The claiming worker's id.</summary>
    public required string WorkerId { get; init; }

    /// <summary>The time the claim is judged at (leases expired before it are free; pending jobs due by it run).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The lease expiry given to the claimed jobs.</summary>
    public required DateTimeOffset LeaseExpiresAt { get; init; }

    /// <summary>At most this many jobs.</summary>
    public required int MaxJobs { get; init; }

    /// <summary>
    /// Only jobs past their create (<see cref="MotionControlJobState.Submitting"/>, <see cref="MotionControlJobState.Submitted"/>):
    /// a worker whose capacity is full of pending jobs still takes over a dead worker's in-flight jobs, which hold the
    /// concurrency slots those pending jobs wait for.
    /// </summary>
    public bool InFlightOnly { get; init; }
}
