namespace MotionControl.Jobs.Storage;

/// <summary>One claimed job, as it stands after the claim (leased to the claiming worker).</summary>
/// <param name="Job">The job.</param>
/// <param name="TakenOverFrom">The worker whose expired lease was taken over, or null when the job was free.</param>
internal readonly record struct JobClaim(JobRecord Job, string? TakenOverFrom);
