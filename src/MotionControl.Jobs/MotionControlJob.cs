namespace MotionControl.Jobs;

/// <summary>A durable job as the journal holds it. Immutable: read it again (<see cref="IMotionControlJobQueue.GetAsync"/>) for news.</summary>
public sealed record MotionControlJob
{
    /// <summary>The job id (32 lowercase hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>The provider registration the job runs on.</summary>
    public required string Provider { get; init; }

    /// <summary>The idempotency key it was enqueued with.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Where the job stands.</summary>
    public required MotionControlJobState State { get; init; }

    /// <summary>The vendor task as last recorded (id, status, videos, charge), or null before the create was accepted.</summary>
    public MotionControlTask? Task { get; init; }

    /// <summary>The client task id journaled before the create was sent, where the vendor takes one; otherwise null.</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>How many times a create was sent (a create refused for concurrency and sent again later counts twice).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the job failed or ended with an unknown outcome, or null.</summary>
    public string? Error { get; init; }

    /// <summary>What the task cost, as the vendor reported it, or null.</summary>
    public MotionControlCharge? Charge { get; init; }

    /// <summary>Where the output video is saved, or null.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The job's submit deadline, or null.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>When the job was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the journal row last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the vendor accepted the create, or null.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the job reached its terminal state, or null.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>True once the job is <see cref="MotionControlJobState.Succeeded"/>, <see cref="MotionControlJobState.Failed"/>, <see cref="MotionControlJobState.Canceled"/> or <see cref="MotionControlJobState.OutcomeUnknown"/>.</summary>
    public bool IsTerminal => State is MotionControlJobState.Succeeded or MotionControlJobState.Failed or MotionControlJobState.Canceled or MotionControlJobState.OutcomeUnknown;

    /// <inheritdoc />
    public override string ToString() =>
        $"job {Id} ({Provider}) {State}" + (Task is null ? string.Empty : $", task {Task.Id}") + (Error is null ? string.Empty : $": {Error}");
}
