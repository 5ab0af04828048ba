namespace MotionControl.Testing;

/// <summary>A snapshot of an emulated task, for assertions. Taking it does not count as a poll.</summary>
public sealed class EmulatedTask
{
    internal EmulatedTask(EmulatedTaskRecord record, TaskObservation observation)
    {
        Provider = record.Provider;
        Account = record.Account;
        Id = record.Id;
        ExternalTaskId = record.ExternalTaskId;
        Status = observation.Status;
        Progress = observation.Progress;
        PollCount = observation.PollCount;
        CreatedAt = record.CreatedAt;
        UpdatedAt = observation.UpdatedAt;
        CompletedAt = observation.CompletedAt;
        Lifecycle = record.Lifecycle;
        RequestBody = record.RequestBody;
    }

    /// <summary>Gets the provider name (see <see cref="EmulatorProviders"/>).</summary>
    public string Provider { get; }

    /// <summary>
    /// Gets the name of the account that created the task (<see cref="EmulatorCredentials.DefaultAccountName"/>, or
    /// the name of one of <see cref="EmulatorCredentials.AdditionalAccounts"/>). Only that account can read, list or
    /// cancel it; to any other account it does not exist.
    /// </summary>
    public string Account { get; }

    /// <summary>Gets the id the vendor gave the task (Kling <c>task_id</c>, Vydra <c>jobId</c>, ModelsLab <c>id</c> as a string, ...).</summary>
    public string Id { get; }

    /// <summary>Gets the client's <c>external_task_id</c> (Kling and PowerTokens only), or null.</summary>
    public string? ExternalTaskId { get; }

    /// <summary>Gets the status now.</summary>
    public EmulatedTaskStatus Status { get; }

    /// <summary>Gets the progress now, 0-100 (what Vydra reports).</summary>
    public int Progress { get; }

    /// <summary>Gets how many polls (get, or ModelsLab fetch) the task has had.</summary>
    public int PollCount { get; }

    /// <summary>Gets when the task was created, on the emulator's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when the task entered its current phase or finished, on the emulator's clock.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Gets when the task finished (or was cancelled), or null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; }

    /// <summary>Gets the lifecycle the task follows.</summary>
    public TaskLifecycle Lifecycle { get; }

    /// <summary>Gets the create request body as received (ModelsLab's <c>key</c> redacted unless redaction is off).</summary>
    public string RequestBody { get; }
}
