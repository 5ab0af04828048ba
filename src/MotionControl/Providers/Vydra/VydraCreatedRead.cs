namespace MotionControl.Providers.Vydra;

/// <summary>What the neutral mapping reads of Vydra's create reply (<see cref="VydraCreateJobResponse"/>), as <see cref="VydraJobRead"/>.</summary>
internal readonly struct VydraCreatedRead
{
    /// <summary><see cref="VydraCreateJobResponse.JobId"/> (never null).</summary>
    public required string JobId { get; init; }

    /// <summary><see cref="VydraCreateJobResponse.Status"/>.</summary>
    public string? Status { get; init; }

    /// <summary><see cref="VydraCreateJobResponse.Message"/>: only for a job that failed or was cancelled (the only use the mapping has for it).</summary>
    public string? Message { get; init; }

    /// <summary><see cref="VydraCreateJobResponse.CreditsCharged"/>.</summary>
    public double? CreditsCharged { get; init; }

    /// <summary>What the neutral mapping reads of <paramref name="created"/> (whose job id is known to be present).</summary>
    /// <param name="created">The DTO.</param>
    /// <returns>Its fields.</returns>
    public static VydraCreatedRead Of(VydraCreateJobResponse created) => new()
    {
        JobId = created.JobId!,
        Status = created.Status,
        Message = VydraJob.HasFailed(created.Status) ? created.Message : null,
        CreditsCharged = created.CreditsCharged,
    };
}
