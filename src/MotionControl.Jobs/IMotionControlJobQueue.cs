namespace MotionControl.Jobs;

/// <summary>
/// The durable job queue: jobs are journaled in the store before anything is sent, and the hosted worker (in this
/// process or any other sharing the store) runs each exactly once. Registered by <c>AddJobs</c>.
/// </summary>
public interface IMotionControlJobQueue
{
    /// <summary>
    /// Journals a job and returns it (<see cref="MotionControlJobState.Pending"/>), or returns the first job enqueued with
    /// the same <see cref="MotionControlJobRequest.IdempotencyKey"/>, whatever its state.
    /// </summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancels the enqueue (the job may or may not have been journaled; enqueue again with the same key).</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The provider is not registered, or a medium cannot be journaled (a stream, or inline bytes over <see cref="MotionControlJobRequest.MaxInlineMediaBytes"/>).</exception>
    Task<MotionControlJob> EnqueueAsync(MotionControlJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a job, or returns null when the store has no job with that id.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job, or null.</returns>
    Task<MotionControlJob?> GetAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Lists jobs in the order they were enqueued, reading the store a page at a time.</summary>
    /// <param name="options">Filters, or null for all jobs.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The jobs.</returns>
    IAsyncEnumerable<MotionControlJob> ListAsync(MotionControlJobListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a job to stop: a job not yet sent ends <see cref="MotionControlJobState.Canceled"/> without a create; a
    /// submitted job's task is canceled at the vendor where it supports that, else abandoned (the vendor may still bill
    /// it). Returns the job as it stands after the request (its worker finishes the cancellation).
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    /// <exception cref="KeyNotFoundException">No job has that id.</exception>
    Task<MotionControlJob> CancelAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a task update received out of band (a verified webhook event) for the jobs waiting on that task, so that
    /// whichever worker holds them, in any process, advances them at its next store check. Also wakes the waits on the
    /// task in this process. Returns how many jobs were waiting on it.
    /// </summary>
    /// <param name="provider">The provider registration the event arrived for.</param>
    /// <param name="task">The task the event describes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of jobs updated.</returns>
    Task<int> ReportTaskUpdateAsync(string provider, MotionControlTask task, CancellationToken cancellationToken = default);
}
