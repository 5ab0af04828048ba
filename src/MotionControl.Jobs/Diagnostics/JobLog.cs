using Microsoft.Extensions.Logging;

namespace MotionControl.Jobs.Diagnostics;

/// <summary>The job queue's log events (ids 1500-1599, docs/observability.md). Never a secret: ids, states and counts only.</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Enqueued job {JobId} on {Provider}.")]
    public static partial void Enqueued(ILogger logger, string jobId, string provider);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Idempotency key matched job {JobId} on {Provider}; returned it instead of a new job.")]
    public static partial void Deduplicated(ILogger logger, string jobId, string provider);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Debug, Message = "Worker {WorkerId} claimed {Count} job(s).")]
    public static partial void Claimed(ILogger logger, string workerId, int count);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "Worker {WorkerId} took job {JobId} ({State}) over from worker {PreviousWorker}, whose lease expired.")]
    public static partial void TookOver(ILogger logger, string workerId, string jobId, MotionControlJobState state, string previousWorker);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Warning, Message = "Worker {WorkerId} lost the lease of job {JobId}; it stops working on it.")]
    public static partial void LeaseLost(ILogger logger, string workerId, string jobId);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Information, Message = "Worker {WorkerId} released {Count} lease(s) of its previous run.")]
    public static partial void LeasesRecovered(ILogger logger, string workerId, int count);

    [LoggerMessage(EventId = 1520, Level = LogLevel.Information, Message = "Job {JobId} is {State} (task {TaskId}).")]
    public static partial void StateChanged(ILogger logger, string jobId, MotionControlJobState state, string? taskId);

    [LoggerMessage(EventId = 1521, Level = LogLevel.Warning, Message = "Job {JobId} was found Submitting after a restart; reconciling it by external id {ExternalTaskId}.")]
    public static partial void Reconciling(ILogger logger, string jobId, string externalTaskId);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Warning, Message = "Job {JobId} was found Submitting after a restart and {Provider} cannot be asked whether the create landed; it ends OutcomeUnknown and is never sent again.")]
    public static partial void OutcomeUnknown(ILogger logger, string jobId, string provider);

    [LoggerMessage(EventId = 1523, Level = LogLevel.Warning, Message = "Job {JobId} failed: {Error}")]
    public static partial void Failed(ILogger logger, string jobId, string error);

    [LoggerMessage(EventId = 1524, Level = LogLevel.Warning, Message = "Job {JobId}'s step failed and is retried later: {Reason}")]
    public static partial void StepRetried(ILogger logger, string jobId, string reason);

    [LoggerMessage(EventId = 1530, Level = LogLevel.Warning, Message = "{Provider} refused a create for concurrency or rate; its limit is now {Limit} (job {JobId} waits {DelayMs} ms).")]
    public static partial void GovernorLowered(ILogger logger, string provider, int limit, string jobId, long delayMs);

    [LoggerMessage(EventId = 1531, Level = LogLevel.Information, Message = "{Provider}'s concurrency limit rose to {Limit} after a quiet interval.")]
    public static partial void GovernorRaised(ILogger logger, string provider, int limit);
}
