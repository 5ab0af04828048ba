using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MotionControl.Jobs.Worker;

/// <summary>Starts the <see cref="JobWorker"/> unless <see cref="MotionControlJobOptions.RunWorker"/> is false.</summary>
internal sealed class JobWorkerHost(IServiceProvider services, IOptions<MotionControlJobOptions> options) : IHostedService, IDisposable
{
    private JobWorker? _worker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RunWorker)
        {
            return Task.CompletedTask;
        }

        _worker = ActivatorUtilities.CreateInstance<JobWorker>(services);
        return _worker.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _worker?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _worker?.Dispose();
}
