using System.Text.Json;
using MotionControl.Serialization;

namespace MotionControl;

/// <summary>
/// A Motion Control job as a vendor reports it, mapped to a provider-neutral shape. Immutable: each read returns a new instance.
/// </summary>
public sealed record MotionControlTask
{
    /// <summary>The vendor's task id (Kling <c>task_id</c>, ModelsLab <c>id</c>, AIMLAPI <c>id</c>, Vydra <c>jobId</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The provider that owns the task (see <see cref="MotionControlProviders"/>).</summary>
    public required string ProviderName { get; init; }

    /// <summary>The neutral state.</summary>
    public required MotionControlTaskStatus Status { get; init; }

    /// <summary>The vendor's own status word, exactly as received (for example <c>succeed</c>).</summary>
    public string? VendorStatus { get; init; }

    /// <summary>Why the task failed, in the vendor's words, when <see cref="Status"/> is <see cref="MotionControlTaskStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The caller's or the SDK's own id for the task, where the vendor supports one (Kling <c>external_task_id</c>).</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>The result videos; empty until the task succeeds.</summary>
    public IReadOnlyList<GeneratedVideo> Videos { get; init; } = [];

    /// <summary>Progress in percent (0–100) when the vendor reports it (Vydra), otherwise <see langword="null"/>.</summary>
    public int? Progress { get; init; }

    /// <summary>
    /// How many requests are ahead of this one in the vendor's queue while it waits (fal's <c>queue_position</c>; 0 = next),
    /// otherwise <see langword="null"/>.
    /// </summary>
    public int? QueuePosition { get; init; }

    /// <summary>When the vendor expects the task to finish (ModelsLab <c>eta</c>), otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? EstimatedCompletion { get; init; }

    /// <summary>When the task was created, when the vendor says.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the task last changed, when the vendor says.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// What the vendor says it charged for the task, on any reply that carries it (Kling's <c>final_unit_deduction</c> or
    /// API 2.0 <c>billing</c>, AIMLAPI's <c>meta.usage</c>, Vydra's <c>creditsCharged</c>); <see langword="null"/> where the
    /// vendor says nothing (ModelsLab, or a reply without the field). Vendors bill the output's length, not the reference's,
    /// and do not refund a shorter output.
    /// </summary>
    public MotionControlCharge? Charge { get; init; }

    /// <summary>The vendor's JSON for this task, for anything the neutral model does not carry.</summary>
    /// <remarks>
    /// Parsed from the reply the first time it is read (once, thread-safely), so a caller who never reads it never pays
    /// for it. Two tasks are equal in <c>Raw</c> when they hold the very same element, as when one is a <see langword="with"/>
    /// copy of the other.
    /// </remarks>
    public JsonElement? Raw
    {
        get => RawJson?.Element;
        init => RawJson = value is { } element ? LazyJson.FromElement(element) : null;
    }

    /// <summary>
    /// The storage URLs, without their query (no signature), of the local media this client's <see cref="Media.IMediaUploader"/>
    /// stored for this submission. Set on the task <c>SubmitAsync</c> returns (and the one <c>GenerateAsync</c> returns, by
    /// then deleted), empty on tasks read later. When the uploader is also an <see cref="Media.IMediaCleanup"/>, pass each
    /// to its <c>DeleteAsync</c> once the task has ended (<c>GenerateAsync</c> does).
    /// </summary>
    public IReadOnlyList<Uri> StagedMedia { get; init; } = [];

    /// <summary>The reply's JSON as the SDK keeps it (unparsed until <see cref="Raw"/> is read).</summary>
    internal LazyJson? RawJson { get; init; }

    /// <summary>True once the task has succeeded, failed or been cancelled: polling it again will not change it.</summary>
    public bool IsTerminal => Status is MotionControlTaskStatus.Succeeded or MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled;

    /// <summary>A short description: provider, id, status and progress (never the raw payload).</summary>
    /// <returns>For example <c>kling task 8672 Processing (processing)</c>.</returns>
    public override string ToString()
    {
        var text = $"{ProviderName} task {Id} {Status}";
        if (VendorStatus is not null)
        {
            text += $" ({VendorStatus})";
        }

        if (Progress is { } progress)
        {
            text += $" {progress}%";
        }

        if (QueuePosition is { } position)
        {
            text += $" (queue position {position})";
        }

        if (FailureReason is not null)
        {
            text += $": {FailureReason}";
        }

        return text;
    }
}
