namespace MotionControl.Providers.Vydra;

/// <summary>
/// What the neutral mapping reads of a Vydra job, its aliases resolved as <see cref="VydraJob"/>'s getters resolve
/// them: from the DTO (<see cref="Of"/>), or from the reply's bytes by <see cref="VydraReplyReader"/>. A value: reading
/// it allocates only the strings and URL it holds.
/// </summary>
internal readonly struct VydraJobRead
{
    /// <summary><see cref="VydraJob.Id"/>.</summary>
    public string? Id { get; init; }

    /// <summary><see cref="VydraJob.Status"/>.</summary>
    public string? Status { get; init; }

    /// <summary><see cref="VydraJob.Error"/>.</summary>
    public string? Error { get; init; }

    /// <summary><see cref="VydraJob.VideoUrl"/>.</summary>
    public Uri? VideoUrl { get; init; }

    /// <summary><see cref="VydraJobOutput.DurationSeconds"/>.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary><see cref="VydraJob.Progress"/>.</summary>
    public double? Progress { get; init; }

    /// <summary><see cref="VydraJob.CreditsCharged"/>.</summary>
    public double? CreditsCharged { get; init; }

    /// <summary><see cref="VydraJob.CreatedAt"/>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><see cref="VydraJob.UpdatedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary><see cref="VydraJob.CompletedAt"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>What the neutral mapping reads of <paramref name="job"/>.</summary>
    /// <param name="job">The DTO.</param>
    /// <returns>Its fields.</returns>
    public static VydraJobRead Of(VydraJob job) => new()
    {
        Id = job.Id,
        Status = job.Status,
        Error = job.Error,
        VideoUrl = job.VideoUrl,
        DurationSeconds = job.Output?.DurationSeconds,
        Progress = job.Progress,
        CreditsCharged = job.CreditsCharged,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
        CompletedAt = job.CompletedAt,
    };
}
