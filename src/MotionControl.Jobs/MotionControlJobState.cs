namespace MotionControl.Jobs;

/// <summary>Where a durable job stands. The states and their transitions are drawn in docs/jobs.md.</summary>
public enum MotionControlJobState
{
    /// <summary>Journaled and waiting for a worker (and for a slot of its registration's concurrency limit).</summary>
    Pending = 0,

    /// <summary>
    /// The create is about to be sent or in flight: journaled (with the external task id where the vendor takes one)
    /// before anything leaves the machine. A job found in this state after a crash is reconciled, never re-sent blindly.
    /// </summary>
    Submitting = 1,

    /// <summary>The vendor accepted the create; its task id is stored and the worker waits for the task to end.</summary>
    Submitted = 2,

    /// <summary>The task succeeded (and its output was downloaded to the job's output path, when one was given).</summary>
    Succeeded = 3,

    /// <summary>The job failed: the vendor refused it or its task failed, or its deadline passed before it was submitted.</summary>
    Failed = 4,

    /// <summary>The job was canceled before its task ended.</summary>
    Canceled = 5,

    /// <summary>
    /// A create may have reached a vendor that cannot be asked about it (no client task id): the job is never sent again,
    /// so it cannot be charged twice. Look for the task in the vendor's console.
    /// </summary>
    OutcomeUnknown = 6,
}
