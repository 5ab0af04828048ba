using Microsoft.Extensions.Hosting;

namespace MotionControl.Testing;

/// <summary>
/// Replaces the console lifetime, which would hook Ctrl+C and process exit for every emulator a test run starts; the
/// emulator is started and stopped only from code.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
