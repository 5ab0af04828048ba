using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.Queue;

/// <summary>Ensures the store's schema once per process, before the first read or write (queue or worker, whichever comes first).</summary>
internal sealed class JobStoreInitializer(IJobStore store) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
