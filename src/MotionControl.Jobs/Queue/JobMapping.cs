using System.Text.Json;
using MotionControl.Jobs.Journal;
using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.Queue;

/// <summary>Journal rows to the public <see cref="MotionControlJob"/>, and tasks to their JSON columns.</summary>
internal static class JobMapping
{
    public static MotionControlJob ToJob(JobRecord record) => new()
    {
        Id = record.Id,
        Provider = record.Provider,
        IdempotencyKey = record.IdempotencyKey,
        State = record.State,
        Task = ReadTask(record.TaskJson),
        ExternalTaskId = record.ExternalTaskId,
        Attempts = record.Attempts,
        Error = record.Error,
        Charge = record.ChargeJson is null ? null : JsonSerializer.Deserialize(record.ChargeJson, JobJsonContext.Default.MotionControlCharge),
        OutputPath = record.OutputPath,
        Deadline = record.Deadline,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
        SubmittedAt = record.SubmittedAt,
        CompletedAt = record.CompletedAt,
    };

    public static MotionControlTask? ReadTask(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, JobJsonContext.Default.JournaledTask)?.ToTask();

    public static string WriteTask(MotionControlTask task) =>
        JsonSerializer.Serialize(JournaledTask.From(task), JobJsonContext.Default.JournaledTask);

    public static string? WriteCharge(MotionControlCharge? charge) =>
        charge is null ? null : JsonSerializer.Serialize(charge, JobJsonContext.Default.MotionControlCharge);

    public static string? WriteStagedMedia(IReadOnlyList<Uri> staged) =>
        staged.Count == 0 ? null : JsonSerializer.Serialize(staged.Select(u => u.AbsoluteUri).ToList(), JobJsonContext.Default.ListString);

    public static IReadOnlyList<Uri> ReadStagedMedia(string? json) =>
        json is null ? [] : [.. (JsonSerializer.Deserialize(json, JobJsonContext.Default.ListString) ?? []).Select(u => new Uri(u))];
}
