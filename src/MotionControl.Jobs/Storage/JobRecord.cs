namespace MotionControl.Jobs.Storage;

/// <summary>
/// One journal row: everything needed to submit, resume, reconcile and clean up the job after a restart. The JSON
/// columns are opaque to the store (the queue's source-generated JSON context writes and reads them).
/// </summary>
internal sealed record JobRecord
{
    /// <summary>The job id (32 lowercase hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>The caller's idempotency key; unique across the store.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The provider registration name the job runs on (also the governor's key).</summary>
    public required string Provider { get; init; }

    /// <summary>The request as journaled (media as path + size + SHA-256, URL, or inline bytes).</summary>
    public required string RequestJson { get; init; }

    /// <summary>Where the output video goes, or null for no download.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The job's deadline (waiting for a slot counts against it), or null for none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The job's state.</summary>
    public required MotionControlJobState State { get; init; }

    /// <summary>The client task id sent with the create, where the vendor takes one; journaled before the create is sent.</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>The vendor's task id, once the create was accepted.</summary>
    public string? TaskId { get; init; }

    /// <summary>The last task snapshot the worker recorded (JSON), or null.</summary>
    public string? TaskJson { get; init; }

    /// <summary>A task update recorded out of band (webhook) and not yet consumed by the worker (JSON), or null.</summary>
    public string? ReportedTaskJson { get; init; }

    /// <summary>The task's charge (JSON), once known.</summary>
    public string? ChargeJson { get; init; }

    /// <summary>The URLs of media staged for the task (JSON array), kept so a restarted worker can still delete them.</summary>
    public string? StagedMediaJson { get; init; }

    /// <summary>How many times a create was attempted (a refusal for concurrency counts).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the job failed or ended with an unknown outcome, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The worker id holding the lease, or null.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease expires; after that another worker may take the job over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>A pending job is not claimed before this time (a create refused for concurrency waits a little).</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>True while the job holds one of its registration's concurrency slots (from submit to terminal state).</summary>
    public bool HoldsSlot { get; init; }

    /// <summary>True when <c>CancelAsync</c> asked for the job to stop.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>When the job was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the row last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the vendor accepted the create (the enqueue-to-submit latency ends here), or null.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the job reached a terminal state, or null.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
