namespace MotionControl.Jobs.Journal;

/// <summary>The parts of a <see cref="MotionControlTask"/> a job keeps (not <see cref="MotionControlTask.Raw"/>: it can be large).</summary>
internal sealed record JournaledTask
{
    public required string Id { get; init; }

    public required string ProviderName { get; init; }

    public required MotionControlTaskStatus Status { get; init; }

    public string? VendorStatus { get; init; }

    public string? FailureReason { get; init; }

    public string? ExternalTaskId { get; init; }

    public List<JournaledVideo>? Videos { get; init; }

    public int? Progress { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public MotionControlCharge? Charge { get; init; }

    public List<string>? StagedMedia { get; init; }

    public static JournaledTask From(MotionControlTask task) => new()
    {
        Id = task.Id,
        ProviderName = task.ProviderName,
        Status = task.Status,
        VendorStatus = task.VendorStatus,
        FailureReason = task.FailureReason,
        ExternalTaskId = task.ExternalTaskId,
        Videos = task.Videos.Count == 0 ? null : [.. task.Videos.Select(v => new JournaledVideo { Url = v.Url.AbsoluteUri, Id = v.Id, WatermarkUrl = v.WatermarkUrl?.AbsoluteUri, Duration = v.Duration, ExpiresAt = v.ExpiresAt })],
        Progress = task.Progress,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        Charge = task.Charge,
        StagedMedia = task.StagedMedia.Count == 0 ? null : [.. task.StagedMedia.Select(u => u.AbsoluteUri)],
    };

    public MotionControlTask ToTask() => new()
    {
        Id = Id,
        ProviderName = ProviderName,
        Status = Status,
        VendorStatus = VendorStatus,
        FailureReason = FailureReason,
        ExternalTaskId = ExternalTaskId,
        Videos = Videos is null ? [] : [.. Videos.Select(v => new GeneratedVideo { Url = new Uri(v.Url), Id = v.Id, WatermarkUrl = v.WatermarkUrl is null ? null : new Uri(v.WatermarkUrl), Duration = v.Duration, ExpiresAt = v.ExpiresAt })],
        Progress = Progress,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Charge = Charge,
        StagedMedia = StagedMedia is null ? [] : [.. StagedMedia.Select(u => new Uri(u))],
    };
}

/// <summary>One output video of a <see cref="JournaledTask"/>.</summary>
internal sealed record JournaledVideo
{
    public required string Url { get; init; }

    public string? Id { get; init; }

    public string? WatermarkUrl { get; init; }

    public TimeSpan? Duration { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
