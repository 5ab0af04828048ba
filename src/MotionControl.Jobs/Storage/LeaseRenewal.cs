namespace MotionControl.Jobs.Storage;

/// <summary>One lease a batch renewal extended, with the job's out-of-band news as the store had it.</summary>
/// <param name="JobId">The job whose lease the worker still holds.</param>
/// <param name="ReportedTaskJson">A task update recorded out of band and not yet consumed, or null.</param>
/// <param name="CancelRequested">Whether <c>CancelAsync</c> asked for the job to stop.</param>
internal readonly record struct LeaseRenewal(string JobId, string? ReportedTaskJson, bool CancelRequested);
