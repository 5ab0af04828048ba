namespace MotionControl.Jobs.Storage;

/// <summary>
/// A change to a registration's current concurrency limit (<see cref="IJobStore.AdjustLimitAsync"/>).
/// <see cref="GovernorDirection.Down"/>: limit = max(1, min(limit - 1, <see cref="Ceiling"/>)), last adjustment = now.
/// <see cref="GovernorDirection.Up"/>: only when limit &lt; <see cref="ConfiguredLimit"/> and at least
/// <see cref="QuietInterval"/> has passed since the last adjustment: limit + 1, last adjustment = now.
/// </summary>
internal sealed record GovernorAdjustment
{
    /// <summary>The registration.</summary>
    public required string Registration { get; init; }

    /// <summary>Down or up.</summary>
    public required GovernorDirection Direction { get; init; }

    /// <summary>The configured maximum (the row is created with it when missing).</summary>
    public required int ConfiguredLimit { get; init; }

    /// <summary>The time of the adjustment.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Going down: an upper bound for the new limit (for example the slots other jobs hold), or null.</summary>
    public int? Ceiling { get; init; }

    /// <summary>Going up: the time without adjustments required first.</summary>
    public TimeSpan QuietInterval { get; init; }
}

/// <summary>Which way a <see cref="GovernorAdjustment"/> moves the limit.</summary>
internal enum GovernorDirection
{
    /// <summary>The vendor refused a create for concurrency or rate.</summary>
    Down = 0,

    /// <summary>A quiet interval passed.</summary>
    Up = 1,
}
