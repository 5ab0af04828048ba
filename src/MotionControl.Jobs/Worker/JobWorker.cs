using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Jobs.Diagnostics;
using MotionControl.Jobs.Queue;
using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.Worker;

/// <summary>
/// The hosted worker: claims runnable jobs from the store under a lease, runs each through the state machine of
/// docs/jobs.md, renews its leases (and reads out-of-band updates and cancellations) every third of the lease, and
/// gives its leases back when the host stops.
/// </summary>
internal sealed partial class JobWorker(
    IJobStore store,
    JobStoreInitializer initializer,
    IMotionControlClientFactory clients,
    JobSignal signal,
    IOptions<MotionControlJobOptions> options,
    TimeProvider time,
    ILogger<JobWorker> logger,
    IServiceProvider services) : BackgroundService
{
    private readonly MotionControlJobOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlotPulse> _pulses = new(StringComparer.Ordinal);
    private readonly IJobStepHook? _hook = services.GetService<IJobStepHook>();

    private string WorkerId => _options.WorkerId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await initializer.EnsureAsync(stoppingToken).ConfigureAwait(false);
        var recovered = await store.ReleaseAllLeasesAsync(WorkerId, stoppingToken).ConfigureAwait(false);
        if (recovered > 0)
        {
            JobLog.LeasesRecovered(logger, WorkerId, recovered);
        }

        var checkEvery = _options.LeaseDuration / 3;
        var nextCheck = time.GetUtcNow() + checkEvery;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ClaimAsync(stoppingToken).ConfigureAwait(false);
                if (time.GetUtcNow() >= nextCheck)
                {
                    await CheckRunningAsync(stoppingToken).ConfigureAwait(false);
                    nextCheck = time.GetUtcNow() + checkEvery;
                }

                await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await StopRunsAsync().ConfigureAwait(false);
        }
    }

    private async Task ClaimAsync(CancellationToken stoppingToken)
    {
        var free = _options.MaxConcurrentJobs - _running.Count;
        if (free <= 0)
        {
            return;
        }

        IReadOnlyList<JobClaim> claims;
        try
        {
            var now = time.GetUtcNow();
            claims = await store.ClaimAsync(new JobClaimRequest { WorkerId = WorkerId, Now = now, LeaseExpiresAt = now + _options.LeaseDuration, MaxJobs = free }, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobLog.StepRetried(logger, "(claim)", ex.Message);
            return;
        }

        if (claims.Count == 0)
        {
            return;
        }

        JobLog.Claimed(logger, WorkerId, claims.Count);
        foreach (var claim in claims)
        {
            JobMetrics.RecordClaim(claim.TakenOverFrom is not null);
            if (claim.TakenOverFrom is { } previous)
            {
                JobLog.TookOver(logger, WorkerId, claim.Job.Id, claim.Job.State, previous);
            }

            var running = new RunningJob(claim.Job.Id, stoppingToken)
            {
                ReportedTaskJson = claim.Job.ReportedTaskJson,
                CancelRequested = claim.Job.CancelRequested,
            };
            if (_running.TryAdd(claim.Job.Id, running))
            {
                _ = Task.Run(() => RunGuardedAsync(claim.Job, running), CancellationToken.None);
            }
            else
            {
                running.Dispose();
            }
        }
    }

    /// <summary>Renews every lease this worker holds, and reads each job's out-of-band news.</summary>
    private async Task CheckRunningAsync(CancellationToken stoppingToken)
    {
        var leaseUntil = time.GetUtcNow() + _options.LeaseDuration;
        foreach (var running in _running.Values)
        {
            try
            {
                if (!await store.RenewLeaseAsync(running.Id, WorkerId, leaseUntil, stoppingToken).ConfigureAwait(false))
                {
                    JobLog.LeaseLost(logger, WorkerId, running.Id);
                    await running.Lifetime.CancelAsync().ConfigureAwait(false);
                    continue;
                }

                // Only a terminal report or a new cancel request is news: a reported update of a task still running
                // (Kling also posts on status changes) stays in the store, and interrupting the wait for it would only
                // start a new wait, which polls at once, at every renewal until the task ends.
                if (await store.GetAsync(running.Id, stoppingToken).ConfigureAwait(false) is { } record
                    && (JobMapping.ReadTask(record.ReportedTaskJson) is { IsTerminal: true } || record.CancelRequested != running.CancelRequested))
                {
                    running.ReportedTaskJson = record.ReportedTaskJson;
                    running.CancelRequested = record.CancelRequested;
                    running.Interrupt();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                JobLog.StepRetried(logger, running.Id, ex.Message);
            }
        }

        try
        {
            JobMetrics.SetDepth(await store.CountByStateAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobLog.StepRetried(logger, "(count)", ex.Message);
        }
    }

    private async Task StopRunsAsync()
    {
        foreach (var running in _running.Values)
        {
            await running.Lifetime.CancelAsync().ConfigureAwait(false);
        }

        // Give the leases back so another worker (or this one restarted) continues at once; a crash skips this and the
        // leases expire instead.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await store.ReleaseAllLeasesAsync(WorkerId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            JobLog.StepRetried(logger, "(stop)", ex.Message);
        }
    }

    private async Task RunGuardedAsync(JobRecord job, RunningJob running)
    {
        try
        {
            await RunAsync(job, running, running.Lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (running.Lifetime.IsCancellationRequested)
        {
            // Lease lost or stopping: the job stays in its journaled state for the next claim.
        }
        catch (Exception ex)
        {
            // A store or unexpected failure: give the job back for a later claim rather than guess.
            JobLog.StepRetried(logger, job.Id, ex.Message);
            await TryReleaseAsync(job.Id).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
            running.Dispose();
            signal.Set();
        }
    }

    private async Task TryReleaseAsync(string jobId)
    {
        try
        {
            await store.ReleaseLeaseAsync(jobId, WorkerId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobLog.StepRetried(logger, jobId, ex.Message);
        }
    }
}
