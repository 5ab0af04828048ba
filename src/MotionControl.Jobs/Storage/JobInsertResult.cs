namespace MotionControl.Jobs.Storage;

/// <summary>What <see cref="IJobStore.InsertOrGetAsync"/> found: the job, and whether this call created it.</summary>
/// <param name="Job">The new job, or the first one enqueued with the same idempotency key.</param>
/// <param name="Inserted">True when this call inserted the job.</param>
internal readonly record struct JobInsertResult(JobRecord Job, bool Inserted);
