namespace MotionControl.Jobs.Worker;

/// <summary>Wakes this worker's jobs waiting for a registration's slot when one of its own jobs gives a slot back.</summary>
internal sealed class SlotPulse
{
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
}
