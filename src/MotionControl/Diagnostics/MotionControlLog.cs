using Microsoft.Extensions.Logging;

namespace MotionControl.Diagnostics;

/// <summary>
/// Every log line the SDK writes, source-generated. Event ids are stable and documented (docs/observability.md):
/// change a message freely, never an id.
/// </summary>
internal static partial class MotionControlLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Submitted {Provider} task {TaskId} (external id {ExternalTaskId}).")]
    public static partial void TaskSubmitted(ILogger logger, string provider, string taskId, string? externalTaskId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The {Provider} create reply was lost; adopted existing task {TaskId} found by external id {ExternalTaskId} instead of submitting again.")]
    public static partial void SubmissionRecovered(ILogger logger, string provider, string taskId, string externalTaskId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "The {Provider} create reply was lost and no task has external id {ExternalTaskId}; submitting again with the same id.")]
    public static partial void SubmissionResent(ILogger logger, string provider, string externalTaskId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "The outcome of a {Provider} create is unknown and it was not re-sent.")]
    public static partial void SubmissionOutcomeUnknown(ILogger logger, string provider, Exception exception);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "{Provider} task {TaskId} is now {Status} ({VendorStatus}).")]
    public static partial void StatusChanged(ILogger logger, string provider, string taskId, MotionControlTaskStatus status, string? vendorStatus);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Polled {Provider} task {TaskId}: {Status}; next poll in {DelayMs} ms.")]
    public static partial void Polled(ILogger logger, string provider, string taskId, MotionControlTaskStatus status, double delayMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Provider} reported the unknown status word '{VendorStatus}' for task {TaskId}; treating it as still running.")]
    public static partial void UnknownStatus(ILogger logger, string provider, string taskId, string vendorStatus);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "A wait on {Provider} task {TaskId} took an update delivered by a callback: {Status}.")]
    public static partial void UpdateReceived(ILogger logger, string provider, string taskId, MotionControlTaskStatus status);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Wait for {Provider} task {TaskId} ended {Outcome} after {ElapsedMs} ms and {Polls} polls.")]
    public static partial void WaitEnded(ILogger logger, string provider, string taskId, string outcome, double elapsedMs, int polls);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "{Provider} task {TaskId} ended {Status}, charged {Amount} {Unit} ({Source}).")]
    public static partial void TaskCharged(ILogger logger, string provider, string taskId, MotionControlTaskStatus status, decimal amount, string unit, string source);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Asked {Provider} to cancel task {TaskId}; it is now {Status} ({VendorStatus}).")]
    public static partial void CancelRequested(ILogger logger, string provider, string taskId, MotionControlTaskStatus status, string? vendorStatus);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Retrying {Provider} {Operation} (attempt {Attempt}) in {DelayMs} ms: {Reason}")]
    public static partial void RetryScheduled(ILogger logger, string provider, string operation, int attempt, double delayMs, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Trace, Message = "{Provider} {Operation} answered HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void CallCompleted(ILogger logger, string provider, string operation, int statusCode, double elapsedMs);
}
