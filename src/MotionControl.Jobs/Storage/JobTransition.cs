namespace MotionControl.Jobs.Storage;

/// <summary>
/// A compare-and-set on one job (<see cref="IJobStore.TransitionAsync"/>): the expected state and lease holder, the new
/// state, and the columns to set. A null member leaves its column unchanged, except where said otherwise.
/// </summary>
internal sealed record JobTransition
{
    /// <summary>The job.</summary>
    public required string JobId { get; init; }

    /// <summary>The worker that must hold the lease; null requires that no live lease is held at <see cref="Now"/>.</summary>
    public required string? WorkerId { get; init; }

    /// <summary>The state the job must be in.</summary>
    public required MotionControlJobState ExpectedState { get; init; }

    /// <summary>The state to set (may equal <see cref="ExpectedState"/> to update columns only).</summary>
    public required MotionControlJobState NewState { get; init; }

    /// <summary>The time of the change (<see cref="JobRecord.UpdatedAt"/>; <see cref="JobRecord.CompletedAt"/> for a terminal state).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Sets <see cref="JobRecord.ExternalTaskId"/>.</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>Sets <see cref="JobRecord.TaskId"/>.</summary>
    public string? TaskId { get; init; }

    /// <summary>Sets <see cref="JobRecord.TaskJson"/>.</summary>
    public string? TaskJson { get; init; }

    /// <summary>Sets <see cref="JobRecord.ChargeJson"/>.</summary>
    public string? ChargeJson { get; init; }

    /// <summary>Sets <see cref="JobRecord.StagedMediaJson"/>.</summary>
    public string? StagedMediaJson { get; init; }

    /// <summary>Sets <see cref="JobRecord.Error"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Sets <see cref="JobRecord.NotBefore"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Sets <see cref="JobRecord.SubmittedAt"/>.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Sets <see cref="JobRecord.HoldsSlot"/>.</summary>
    public bool? HoldsSlot { get; init; }

    /// <summary>Adds one to <see cref="JobRecord.Attempts"/>.</summary>
    public bool IncrementAttempts { get; init; }

    /// <summary>Clears <see cref="JobRecord.ReportedTaskJson"/> (the worker consumed it).</summary>
    public bool ClearReportedTask { get; init; }

    /// <summary>Clears the lease (<see cref="JobRecord.LeaseOwner"/>, <see cref="JobRecord.LeaseExpiresAt"/>).</summary>
    public bool ReleaseLease { get; init; }
}
