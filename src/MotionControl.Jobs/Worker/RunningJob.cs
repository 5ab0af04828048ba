namespace MotionControl.Jobs.Worker;

/// <summary>A job this worker runs: its cancellation (lease lost or host stopping) and what the last store check saw.</summary>
internal sealed class RunningJob(string id, CancellationToken stopping) : IDisposable
{
    private CancellationTokenSource _interrupt = new();

    public string Id { get; } = id;

    /// <summary>Cancelled when the lease is lost or the host stops.</summary>
    public CancellationTokenSource Lifetime { get; } = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    /// <summary>A task update recorded in the store (a webhook at any instance), not yet acted on.</summary>
    public volatile string? ReportedTaskJson;

    /// <summary>True once the store says <c>CancelAsync</c> asked for the job to stop.</summary>
    public volatile bool CancelRequested;

    /// <summary>A token the current wait also listens to; <see cref="Interrupt"/> ends that wait so the run looks at the news.</summary>
    public CancellationToken InterruptToken => Volatile.Read(ref _interrupt).Token;

    public void Interrupt()
    {
        var old = Interlocked.Exchange(ref _interrupt, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose()
    {
        Lifetime.Dispose();
        _interrupt.Dispose();
    }
}
