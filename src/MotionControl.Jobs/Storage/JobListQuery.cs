namespace MotionControl.Jobs.Storage;

/// <summary>A page of jobs, in creation order.</summary>
internal sealed record JobListQuery
{
    /// <summary>Only jobs in this state, or all.</summary>
    public MotionControlJobState? State { get; init; }

    /// <summary>Only jobs of this registration, or all.</summary>
    public string? Provider { get; init; }

    /// <summary>Only jobs created after the job with this id (keyset paging), or from the start.</summary>
    public string? AfterId { get; init; }

    /// <summary>At most this many jobs.</summary>
    public int Limit { get; init; } = 100;
}
