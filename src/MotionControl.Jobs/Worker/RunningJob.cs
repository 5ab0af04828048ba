namespace MotionControl.Jobs.Worker;

/// <summary>A job this worker runs: its cancellation (lease lost or host stopping) and what the last store check saw.</summary>
/// <remarks>
/// The lease check runs beside the job's own run and may reach a job whose run has just ended and disposed it:
/// <see cref="Stop"/> and <see cref="Interrupt"/> are then no-ops, never an <see cref="ObjectDisposedException"/>.
/// </remarks>
internal sealed class RunningJob(string id, CancellationToken stopping) : IDisposable
{
    private readonly object _gate = new();
    private CancellationTokenSource _interrupt = new();
    private bool _disposed;

    public string Id { get; } = id;

    /// <summary>Cancelled when the lease is lost or the host stops.</summary>
    public CancellationTokenSource Lifetime { get; } = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    /// <summary>A task update recorded in the store (a webhook at any instance), not yet acted on.</summary>
    public volatile string? ReportedTaskJson;

    /// <summary>True once the store says <c>CancelAsync</c> asked for the job to stop.</summary>
    public volatile bool CancelRequested;

    /// <summary>
    /// True once the run gives its lease back itself (its final transition, or a release to retry later), set just
    /// before the store call: a lease check that then finds the lease gone has not lost it.
    /// </summary>
    public volatile bool LeaseReleased;

    /// <summary>A token the current wait also listens to; <see cref="Interrupt"/> ends that wait so the run looks at the news.</summary>
    public CancellationToken InterruptToken => Volatile.Read(ref _interrupt).Token;

    /// <summary>Ends the run (lease lost, or the host is stopping); the job stays in its journaled state.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Lifetime.Cancel();
            }
        }
    }

    /// <summary>Ends the current wait so the run looks at the news.</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var old = Interlocked.Exchange(ref _interrupt, new CancellationTokenSource());
            old.Cancel();
            old.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Lifetime.Dispose();
            _interrupt.Dispose();
        }
    }
}
