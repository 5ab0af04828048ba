using Microsoft.Extensions.DependencyInjection;
using MotionControl.Jobs.TestWorkers;
using MotionControl.Testing;
using Xunit.Abstractions;

namespace MotionControl.Jobs.Tests;

/// <summary>
/// Exactly once across crashes, with real processes: a worker process (tests/MotionControl.Jobs.Worker) runs one job on a
/// SQLite file against the emulator, is killed with SIGKILL at one step of the job — right after the journal write
/// (Submitting, before the create is sent), right after the create came back (before the task id was journaled), during
/// the wait, during the download — and a fresh worker process is started on the same file. For a vendor that takes a
/// client task id (Kling) and one that does not (Vydra): at most one task is ever created, the job is never lost, and it
/// ends <see cref="MotionControlJobState.Succeeded"/> with its video in place, or
/// <see cref="MotionControlJobState.OutcomeUnknown"/> where the vendor cannot be asked whether the create landed.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, MotionControlJobState, int> Cases() => new()
    {
        // Kling: the journaled external id lets the restarted worker ask; a create that never landed is sent once.
        { "kling", "after-journal", MotionControlJobState.Succeeded, 1 },
        { "kling", "after-create-sent", MotionControlJobState.Succeeded, 1 },
        { "kling", "during-wait", MotionControlJobState.Succeeded, 1 },
        { "kling", "during-download", MotionControlJobState.Succeeded, 1 },

        // Vydra: no client id to ask by, so a job caught in Submitting is never sent again (that could charge twice).
        { "vydra", "after-journal", MotionControlJobState.OutcomeUnknown, 0 },
        { "vydra", "after-create-sent", MotionControlJobState.OutcomeUnknown, 1 },
        { "vydra", "during-wait", MotionControlJobState.Succeeded, 1 },
        { "vydra", "during-download", MotionControlJobState.Succeeded, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_worker_killed_at_a_step_and_restarted_creates_at_most_one_task_and_loses_no_job(string provider, string crashPoint, MotionControlJobState expected, int created)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var outputPath = Path.Combine(db.Directory, "out", "video.mp4");
        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = provider, Request = JobHost.Request(provider), IdempotencyKey = "crash-" + crashPoint, OutputPath = outputPath });

        await using (var doomed = StartWorker(emulator.BaseAddress, db.Path, crashPoint, output))
        {
            var marker = await doomed.WaitForLineAsync("CRASH-POINT ", TimeSpan.FromSeconds(60));
            Assert.Equal($"CRASH-POINT {crashPoint} {job.Id}", marker);
            var exitCode = doomed.KillHard();
            Assert.Equal(137, exitCode); // 128 + SIGKILL: no shutdown code ran
        }

        var between = await queue.GetAsync(job.Id) ?? throw new InvalidOperationException("the job was lost in the crash");
        Assert.False(between.IsTerminal, $"the job ended ({between.State}) before the worker was restarted");

        MotionControlJob done;
        await using (var restarted = StartWorker(emulator.BaseAddress, db.Path, crashPoint: null, output))
        {
            await restarted.WaitForLineAsync("WORKER-READY", TimeSpan.FromSeconds(60));
            done = await JobHost.WaitForEndAsync(queue, job.Id, TimeSpan.FromSeconds(60));
        }

        Assert.True(expected == done.State, $"expected {expected}, got {done.State}: {done.Error}");
        Assert.Equal(created, emulator.CreatedTaskCount(provider));
        Assert.Single(await queue.ListAsync().ToListAsync());
        if (expected == MotionControlJobState.Succeeded)
        {
            Assert.Equal(MotionControlTaskStatus.Succeeded, done.Task!.Status);
            using var http = new HttpClient();
            var video = await http.GetByteArrayAsync(Assert.Single(done.Task.Videos).Url);
            Assert.Equal(video, await File.ReadAllBytesAsync(outputPath));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(outputPath)!, "*.part"));
        }
        else
        {
            Assert.Null(done.Task);
            Assert.Contains("not sent again", done.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(outputPath));
        }
    }

    private static JobWorkerProcess StartWorker(Uri emulator, string database, string? crashPoint, ITestOutputHelper output) =>
        JobWorkerProcess.Start(crashPoint is null ? ["--emulator", emulator.ToString(), "--sqlite", database] : ["--emulator", emulator.ToString(), "--sqlite", database, "--crash", crashPoint], output);
}
