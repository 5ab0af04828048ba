namespace MotionControl.Jobs.Worker;

/// <summary>
/// One registration's pending jobs in this worker that wait for a concurrency slot. One of them at a time asks the store
/// (<see cref="WaitTurnAsync"/>), however many wait: every ask is a transaction serialized on the registration's governor
/// row in every worker, so a backlog of jobs each asking on its own would swamp the store with lock waits (dozens of
/// jobs per worker, one ask every poll interval each). The asker is woken early by <see cref="Pulse"/> when one of this
/// worker's jobs gives a slot back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "A SemaphoreSlim holds nothing to dispose unless its AvailableWaitHandle is used, which this one never is; disposing it could only fail a run still ending its turn.")]
internal sealed class SlotPulse
{
    // SemaphoreSlim: an async lock with a timeout and cancellation, which is all the turn needs.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for a <see cref="Pulse"/> or the timeout (slots freed by other processes are seen at the next try).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Try again.
        }
    }

    /// <summary>Waits to become the job that asks the store for this registration's slots; false when the timeout passed first.</summary>
    public Task<bool> WaitTurnAsync(TimeSpan timeout, CancellationToken cancellationToken) => _turn.WaitAsync(timeout, cancellationToken);

    /// <summary>Hands the turn to the next waiting job, which asks at once (another slot may be free).</summary>
    public void EndTurn() => _turn.Release();
}
