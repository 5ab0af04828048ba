using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using MotionControl.DependencyInjection;
using MotionControl.Jobs.Diagnostics;
using MotionControl.Jobs.Journal;
using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.Queue;

/// <summary>The queue over the store: journals jobs (media fingerprinted), reads them, and records out-of-band updates.</summary>
internal sealed class MotionControlJobQueue(
    IJobStore store,
    JobStoreInitializer initializer,
    IMotionControlClientFactory clients,
    JobSignal signal,
    TimeProvider time,
    ILogger<MotionControlJobQueue> logger) : IMotionControlJobQueue
{
    private const int MaxIdempotencyKeyLength = 200;

    public async Task<MotionControlJob> EnqueueAsync(MotionControlJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Provider);
        ArgumentNullException.ThrowIfNull(request.Request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        if (request.IdempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            throw new ArgumentException($"An idempotency key has at most {MaxIdempotencyKeyLength} characters; this one has {request.IdempotencyKey.Length}.", nameof(request));
        }

        if (!clients.ProviderNames.Contains(request.Provider, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No provider is registered as '{request.Provider}'; registered: {string.Join(", ", clients.ProviderNames)}.", nameof(request));
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var json = await RequestJournal.WriteAsync(request.Request, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var result = await store.InsertOrGetAsync(
            new JobRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                IdempotencyKey = request.IdempotencyKey,
                Provider = request.Provider,
                RequestJson = json,
                OutputPath = request.OutputPath is null ? null : Path.GetFullPath(request.OutputPath),
                Deadline = request.Deadline,
                State = MotionControlJobState.Pending,
                NotBefore = now,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Inserted)
        {
            JobLog.Enqueued(logger, result.Job.Id, result.Job.Provider);
            JobMetrics.RecordTransition(result.Job.Provider, MotionControlJobState.Pending);
            signal.Set();
        }
        else
        {
            JobLog.Deduplicated(logger, result.Job.Id, result.Job.Provider);
        }

        return JobMapping.ToJob(result.Job);
    }

    public async Task<MotionControlJob?> GetAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false) is { } record ? JobMapping.ToJob(record) : null;
    }

    public async IAsyncEnumerable<MotionControlJob> ListAsync(MotionControlJobListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new MotionControlJobListOptions();
        var pageSize = Math.Clamp(options.PageSize, 1, 1000);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        string? after = null;
        while (true)
        {
            var page = await store.ListAsync(new JobListQuery { State = options.State, Provider = options.Provider, AfterId = after, Limit = pageSize }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return JobMapping.ToJob(record);
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public async Task<MotionControlJob> CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var record = await store.RequestCancelAsync(jobId, now, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No job has the id '{jobId}'.");

        // A pending job nobody holds ends here, without a create; a leased one is ended by its worker.
        if (record.State == MotionControlJobState.Pending && await store.TransitionAsync(
                new JobTransition
                {
                    JobId = jobId,
                    WorkerId = null,
                    ExpectedState = MotionControlJobState.Pending,
                    NewState = MotionControlJobState.Canceled,
                    Now = now,
                    Error = "Canceled before it was submitted.",
                    HoldsSlot = false,
                },
                cancellationToken).ConfigureAwait(false))
        {
            JobMetrics.RecordTransition(record.Provider, MotionControlJobState.Canceled);
            record = await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false) ?? record;
        }

        signal.Set();
        return JobMapping.ToJob(record);
    }

    public async Task<int> ReportTaskUpdateAsync(string provider, MotionControlTask task, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(task);
        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (clients.ProviderNames.Contains(provider, StringComparer.Ordinal) && clients.GetClient(provider) is MotionControlClient client)
        {
            client.ReportTaskUpdate(task);
        }

        return await store.RecordTaskUpdateAsync(provider, task.Id, JobMapping.WriteTask(task), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
