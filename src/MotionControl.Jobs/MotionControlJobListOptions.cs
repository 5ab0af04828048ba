namespace MotionControl.Jobs;

/// <summary>Which jobs <see cref="IMotionControlJobQueue.ListAsync"/> returns.</summary>
public sealed record MotionControlJobListOptions
{
    /// <summary>Only jobs in this state, or all.</summary>
    public MotionControlJobState? State { get; init; }

    /// <summary>Only jobs of this provider registration, or all.</summary>
    public string? Provider { get; init; }

    /// <summary>How many jobs each read from the store fetches (1 to 1,000; default 100).</summary>
    public int PageSize { get; init; } = 100;
}
