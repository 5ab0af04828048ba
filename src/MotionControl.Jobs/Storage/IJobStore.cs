namespace MotionControl.Jobs.Storage;

/// <summary>
/// The journal behind the job queue: one implementation per database (SQLite built in, PostgreSQL in its own package).
/// Every method is atomic on its own; the worker's exactly-once guarantee rests on <see cref="TransitionAsync"/> being a
/// compare-and-set on the job's state and lease holder, and on <see cref="InsertOrGetAsync"/> honouring the unique
/// idempotency key across processes. The store never interprets the JSON columns (<see cref="JobRecord.RequestJson"/>,
/// <see cref="JobRecord.TaskJson"/>, ...): their format belongs to the queue.
/// </summary>
/// <remarks>STORE CONTRACT: change additively only (new members with defaults); see docs/jobs.md.</remarks>
internal interface IJobStore
{
    /// <summary>Creates the schema, or migrates it to <see cref="JobStoreSchema.Version"/>; safe to call from several processes at once.</summary>
    ValueTask EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="job"/> unless a job with the same <see cref="JobRecord.IdempotencyKey"/> exists; then returns
    /// that first job unchanged (<see cref="JobInsertResult.Inserted"/> false). Two processes inserting the same key at once
    /// get the same job.
    /// </summary>
    ValueTask<JobInsertResult> InsertOrGetAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>One job by id, or <see langword="null"/>.</summary>
    ValueTask<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Jobs in creation order (then id), filtered and paged by <paramref name="query"/>.</summary>
    ValueTask<IReadOnlyList<JobRecord>> ListAsync(JobListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <see cref="JobClaimRequest.MaxJobs"/> runnable jobs to a worker: non-terminal jobs whose lease is free
    /// or expired at <see cref="JobClaimRequest.Now"/> (an expired lease held by another worker is a take-over) and, for
    /// <see cref="MotionControlJobState.Pending"/> jobs, whose <see cref="JobRecord.NotBefore"/> has come. Jobs leased by
    /// the claiming worker itself are not returned. Oldest first. Two workers never get the same job.
    /// </summary>
    ValueTask<IReadOnlyList<JobClaim>> ClaimAsync(JobClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Extends a lease the worker still holds; false when it was lost (expired and taken over, or released).</summary>
    ValueTask<bool> RenewLeaseAsync(string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Extends, in one round trip where the database allows, every lease in <paramref name="jobIds"/> that
    /// <paramref name="workerId"/> still holds, and returns those (a job missing from the result was lost or released),
    /// each with its out-of-band news. The worker calls it every third of a lease for all the jobs it runs: one statement
    /// instead of two per job keeps the renewal well inside the lease when a worker runs dozens of jobs on a busy machine.
    /// The default renews one by one (a store written before this member still works).
    /// </summary>
    async ValueTask<IReadOnlyList<LeaseRenewal>> RenewLeasesAsync(IReadOnlyCollection<string> jobIds, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        var renewed = new List<LeaseRenewal>(jobIds.Count);
        foreach (var id in jobIds)
        {
            if (await RenewLeaseAsync(id, workerId, leaseExpiresAt, cancellationToken).ConfigureAwait(false)
                && await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } job)
            {
                renewed.Add(new LeaseRenewal(id, job.ReportedTaskJson, job.CancelRequested));
            }
        }

        return renewed;
    }

    /// <summary>Gives a lease back (the job stays in its state for the next claim); false when the worker did not hold it.</summary>
    ValueTask<bool> ReleaseLeaseAsync(string jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back every lease a worker id holds: a restarted process with a stable worker id calls it first, since the
    /// leases of its previous life are held by no running code. Returns how many were released.
    /// </summary>
    ValueTask<int> ReleaseAllLeasesAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: applies <paramref name="transition"/> only when the job is in
    /// <see cref="JobTransition.ExpectedState"/> and its lease is held by <see cref="JobTransition.WorkerId"/> (or, when
    /// that is <see langword="null"/>, held by nobody at <see cref="JobTransition.Now"/>). Returns false, changing nothing,
    /// when either check fails.
    /// </summary>
    ValueTask<bool> TransitionAsync(JobTransition transition, CancellationToken cancellationToken);

    /// <summary>Marks a non-terminal job for cancellation (its worker acts on it); returns the job, or null when unknown.</summary>
    ValueTask<JobRecord?> RequestCancelAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a task update received out of band (a webhook event, possibly at another instance) on the non-terminal jobs
    /// of <paramref name="provider"/> whose task is <paramref name="taskId"/>; their worker reads it at its next store check.
    /// Returns the number of jobs updated.
    /// </summary>
    ValueTask<int> RecordTaskUpdateAsync(string provider, string taskId, string taskJson, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many jobs are in each state (states with none may be missing).</summary>
    ValueTask<IReadOnlyDictionary<MotionControlJobState, int>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Atomically takes one of the registration's concurrency slots for a job the worker leases: succeeds when the job
    /// already holds one, or when fewer jobs of <see cref="GovernorAcquireRequest.Registration"/> hold a slot than the
    /// registration's current limit (created at <see cref="GovernorAcquireRequest.ConfiguredLimit"/> when first seen).
    /// A slot belongs to the job row (<see cref="JobRecord.HoldsSlot"/>), so a crashed worker's slots pass with its jobs.
    /// </summary>
    ValueTask<GovernorAcquireResult> TryAcquireSlotAsync(GovernorAcquireRequest request, CancellationToken cancellationToken);

    /// <summary>Gives a job's slot back (also done by a <see cref="JobTransition"/> with <see cref="JobTransition.HoldsSlot"/> false).</summary>
    ValueTask ReleaseSlotAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Lowers (a refusal for concurrency) or raises (after a quiet interval) a registration's current limit; returns the
    /// state afterwards. See <see cref="GovernorAdjustment"/> for the rules.
    /// </summary>
    ValueTask<GovernorState> AdjustLimitAsync(GovernorAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>A registration's governor state, or null when no job of it was governed yet.</summary>
    ValueTask<GovernorState?> GetGovernorAsync(string registration, CancellationToken cancellationToken);
}
