namespace MotionControl.Jobs;

/// <summary>What to run as a durable job (<see cref="IMotionControlJobQueue.EnqueueAsync"/>).</summary>
public sealed record MotionControlJobRequest
{
    /// <summary>
    /// The largest bytes or Base64 medium journaled inline with a job: 4 MiB per medium (decoded bytes). Larger media go
    /// by file path (journaled as path, size and SHA-256, checked unchanged before a resumed submit) or by URL.
    /// </summary>
    public const int MaxInlineMediaBytes = 4 * 1024 * 1024;

    /// <summary>The provider registration name (<c>"kling"</c>, or the name given to <c>AddKling(name, ...)</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>
    /// The request. Its media must be journaled: files, URLs, or bytes and Base64 up to
    /// <see cref="MaxInlineMediaBytes"/>; a <see cref="MediaSourceKind.Stream"/> medium is refused at enqueue.
    /// </summary>
    public required MotionControlRequest Request { get; init; }

    /// <summary>
    /// The caller's key for this logical job: enqueueing the same key again (from any process) returns the first job
    /// instead of a new one. At most 200 characters.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Where to save the output video once the task succeeds (written to a temporary file beside it, then moved), or null.</summary>
    public string? OutputPath { get; init; }

    /// <summary>
    /// The latest time the create may be sent; waiting for a concurrency slot counts against it. A job still unsent at its
    /// deadline ends <see cref="MotionControlJobState.Failed"/> without a create. Null for none.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }
}
