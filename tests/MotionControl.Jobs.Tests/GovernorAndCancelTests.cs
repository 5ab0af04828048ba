using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

/// <summary>
/// The concurrency governor on a vendor's refusal (with its metric and log line), and canceling a job whose task is
/// already running, on a vendor that can cancel (Vydra) and one that cannot (Kling).
/// </summary>
public sealed class GovernorAndCancelTests
{
    /// <summary>
    /// A registration name no other test uses: the job meter is process-wide and its limit gauge reports each
    /// registration's last known limit, so a shared name would read another test's worker.
    /// </summary>
    private const string Governed = "kling-governed";

    [Fact]
    public async Task A_create_refused_for_concurrency_lowers_the_limit_waits_and_submits_exactly_once()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault("kling", EmulatorOperation.Create, EmulatorFault.RateLimited(klingCode: 1303), FaultSchedule.NextCall);
        using var db = new TempDatabase();
        var logs = new FakeLogCollector();
        using var host = BuildGoverned(emulator, db, Governed, logs, static _ => { });
        using var refusals = new MetricCollector<long>(null, "MotionControl.Jobs", "motioncontrol.jobs.governor.refusals");
        using var limits = new MetricCollector<int>(null, "MotionControl.Jobs", "motioncontrol.jobs.governor.limit");
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = Governed, Request = JobHost.Request("kling"), IdempotencyKey = "refused-once" });
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        limits.RecordObservableInstruments();
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Equal(2, emulator.CallCount("kling", EmulatorOperation.Create)); // the refused create and the one that landed
        Assert.Equal(1, emulator.CreatedTaskCount("kling"));
        Assert.Contains(refusals.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["motioncontrol.provider"], Governed));
        var limit = Assert.Single(limits.GetMeasurementSnapshot(), m => Equals(m.Tags["motioncontrol.provider"], Governed)).Value;
        Assert.InRange(limit, 1, 7); // lowered from 8; it rises again only after GovernorQuietInterval without refusals
        var lowered = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1530);
        Assert.Equal(LogLevel.Warning, lowered.Level);
        Assert.Contains($"its limit is now {limit}", lowered.Message, StringComparison.Ordinal);
        Assert.Contains(job.Id, lowered.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The vendor allows 3 tasks at once per account (the emulator refuses the 4th create with 1303) while the
    /// registration is configured for 8: the governor lowers the shared limit by one per refusal, every job still ends
    /// Succeeded with exactly one task, and the account never has more than 3 running.
    /// </summary>
    [Fact]
    public async Task Against_a_vendor_limit_below_the_configured_one_the_governor_adapts_down_and_each_job_runs_once()
    {
        const string registration = "kling-vendor-limited";
        await using var emulator = await MotionControlEmulator.StartAsync(new() { MaxConcurrentTasksPerAccount = 3 });
        using var db = new TempDatabase();
        var logs = new FakeLogCollector();
        using var host = BuildGoverned(emulator, db, registration, logs, o => o.GovernorQuietInterval = TimeSpan.FromHours(1));
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var jobs = new List<MotionControlJob>();
        for (int i = 0; i < 30; i++)
        {
            jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest { Provider = registration, Request = JobHost.Request("kling"), IdempotencyKey = $"limited-{i}" }));
        }

        var done = await Task.WhenAll(jobs.Select(j => JobHost.WaitForEndAsync(queue, j.Id, TimeSpan.FromSeconds(90))));
        await host.StopAsync();

        Assert.All(done, j => Assert.Equal(MotionControlJobState.Succeeded, j.State));
        Assert.Equal(30, emulator.CreatedTaskCount("kling"));
        Assert.InRange(emulator.ConcurrentTaskHighWaterMark("kling", EmulatorCredentials.DefaultAccountName), 1, 3);
        var refused = emulator.CallCount("kling", EmulatorOperation.Create) - 30;
        Assert.True(refused > 0, "the vendor refused no create: the test did not reach its limit");

        // Each refusal logged once, and lowered the shared limit by one from the configured 8 (never below 1; no rise
        // within the hour-long quiet interval). How many refusals there are depends on timing: the worker frees a slot
        // only after the read that the vendor counts the task's end at, so at a limit of 4 a create can find 3 running.
        var lowered = logs.GetSnapshot().Where(r => r.Id.Id == 1530).Select(r => int.Parse(r.StructuredState!.Single(p => p.Key == "Limit").Value!)).ToList();
        Assert.Equal(refused, lowered.Count);
        Assert.Equal(Math.Max(1, 8 - refused), lowered.Min());
    }

    [Fact]
    public async Task Canceling_a_submitted_job_cancels_its_task_at_a_vendor_that_can()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle("vydra", new TaskLifecycle().Queued(1).ProcessingForever());
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "vydra", Request = JobHost.Request("vydra"), IdempotencyKey = "cancel-running" });
        var submitted = await WaitForStateAsync(queue, job.Id, MotionControlJobState.Submitted);
        await queue.CancelAsync(job.Id);
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Canceled, done.State);
        Assert.Equal(1, emulator.CreatedTaskCount("vydra"));
        Assert.Equal(EmulatedTaskStatus.Canceled, emulator.FindTask("vydra", submitted.Task!.Id)!.Status);
    }

    [Fact]
    public async Task Canceling_a_submitted_job_at_a_vendor_that_cannot_cancel_abandons_the_task_and_says_so()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle("kling", new TaskLifecycle().Queued(1).ProcessingForever());
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "cancel-kling" });
        var submitted = await WaitForStateAsync(queue, job.Id, MotionControlJobState.Submitted);
        await queue.CancelAsync(job.Id);
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Canceled, done.State);
        Assert.Contains("cannot cancel a task", done.Error, StringComparison.Ordinal);
        Assert.Contains(submitted.Task!.Id, done.Error, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CreatedTaskCount("kling"));
        Assert.NotEqual(EmulatedTaskStatus.Canceled, emulator.FindTask("kling", submitted.Task.Id)!.Status);
    }

    private static async Task<MotionControlJob> WaitForStateAsync(IMotionControlJobQueue queue, string jobId, MotionControlJobState state)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = await queue.GetAsync(jobId, cts.Token) ?? throw new InvalidOperationException($"job {jobId} is lost");
            if (job.State == state)
            {
                return job;
            }

            Assert.False(job.IsTerminal, $"the job ended ({job.State}: {job.Error}) before reaching {state}");
            await Task.Delay(10, cts.Token);
        }
    }

    /// <summary>A host with one Kling registration of its own name (the governor's gauges are process-wide), configured for 8 tasks, refused creates retried after 50 ms, logs collected.</summary>
    private static IHost BuildGoverned(MotionControlEmulator emulator, TempDatabase db, string registration, FakeLogCollector logs, Action<MotionControlJobOptions> configure) =>
        JobHost.Build(
            emulator,
            db.ConnectionString,
            o =>
            {
                o.MaxConcurrentTasks[registration] = 8;
                o.RefusedCreateDelay = TimeSpan.FromMilliseconds(50);
                configure(o);
            },
            motion => motion.AddKling(registration, o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.AccessKey = emulator.Credentials.KlingAccessKey;
                o.SecretKey = emulator.Credentials.KlingSecretKey;
                o.WaitOptions = JobHost.FastWait;
            }),
            host: b => b.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)));
}
