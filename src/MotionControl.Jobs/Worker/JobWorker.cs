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
                    await ClaimInFlightWhenFullAsync(stoppingToken).ConfigureAwait(false);
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

    private Task ClaimAsync(CancellationToken stoppingToken) =>
        ClaimAsync(_options.MaxConcurrentJobs - _running.Count, inFlightOnly: false, stoppingToken);

    /// <summary>
    /// A worker whose capacity is all taken still takes over in-flight jobs (Submitting, Submitted) whose lease expired,
    /// checked once per lease check: those jobs hold their registration's concurrency slots, and pending jobs (here or
    /// at any worker) that wait for a slot would otherwise wait for them for ever. Such jobs are few (about one per slot
    /// of every registration's limit, plus any caught downloading), and the worker runs them beyond
    /// <see cref="MotionControlJobOptions.MaxConcurrentJobs"/>.
    /// </summary>
    private Task ClaimInFlightWhenFullAsync(CancellationToken stoppingToken) =>
        _running.Count < _options.MaxConcurrentJobs ? Task.CompletedTask : ClaimAsync(_options.MaxConcurrentJobs, inFlightOnly: true, stoppingToken);

    private async Task ClaimAsync(int free, bool inFlightOnly, CancellationToken stoppingToken)
    {
        if (free <= 0)
        {
            return;
        }

        IReadOnlyList<JobClaim> claims;
        try
        {
            var now = time.GetUtcNow();
            claims = await store.ClaimAsync(new JobClaimRequest { WorkerId = WorkerId, Now = now, LeaseExpiresAt = now + _options.LeaseDuration, MaxJobs = free, InFlightOnly = inFlightOnly }, stoppingToken).ConfigureAwait(false);
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

    /// <summary>Renews every lease this worker holds (one store round trip), and reads each job's out-of-band news.</summary>
    private async Task CheckRunningAsync(CancellationToken stoppingToken)
    {
        var running = _running.Values.ToArray();
        if (running.Length > 0)
        {
            IReadOnlyList<LeaseRenewal> renewed;
            try
            {
                renewed = await store.RenewLeasesAsync([.. running.Select(r => r.Id)], WorkerId, time.GetUtcNow() + _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing was learned: the leases stand until they expire, and the next check tries again.
                JobLog.StepRetried(logger, "(renew)", ex.Message);
                renewed = [.. running.Select(r => new LeaseRenewal(r.Id, null, r.CancelRequested))];
            }

            var held = renewed.ToDictionary(r => r.JobId, StringComparer.Ordinal);
            foreach (var job in running)
            {
                if (!held.TryGetValue(job.Id, out var news))
                {
                    // A run that released its lease itself (it ended, or gave the job back) has lost nothing.
                    if (!job.LeaseReleased)
                    {
                        JobLog.LeaseLost(logger, WorkerId, job.Id);
                        job.Stop();
                    }

                    continue;
                }

                // Only a terminal report or a new cancel request is news: a reported update of a task still running
                // (Kling also posts on status changes) stays in the store, and interrupting the wait for it would only
                // start a new wait, which polls at once, at every renewal until the task ends.
                if (JobMapping.ReadTask(news.ReportedTaskJson) is { IsTerminal: true } || news.CancelRequested != job.CancelRequested)
                {
                    job.ReportedTaskJson = news.ReportedTaskJson;
                    job.CancelRequested = news.CancelRequested;
                    job.Interrupt();
                }
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
            running.Stop();
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
        MarkReleasing(jobId);
        try
        {
            await store.ReleaseLeaseAsync(jobId, WorkerId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobLog.StepRetried(logger, jobId, ex.Message);
        }
    }

    private void MarkReleasing(string jobId)
    {
        if (_running.TryGetValue(jobId, out var running))
        {
            running.LeaseReleased = true;
        }
    }
}
