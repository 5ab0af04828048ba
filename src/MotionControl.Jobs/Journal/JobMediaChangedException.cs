namespace MotionControl.Jobs.Journal;

/// <summary>A journaled file is gone or changed: the job fails instead of submitting media the caller never enqueued.</summary>
internal sealed class JobMediaChangedException(string message) : Exception(message);
