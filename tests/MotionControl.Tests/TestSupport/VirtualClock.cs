using MotionControl.Testing;

namespace MotionControl.Tests.TestSupport;

/// <summary>
/// Runs work that sleeps on a <see cref="ManualTimeProvider"/> (ModelsLab's <c>eta</c> makes a wait sleep for seconds) by
/// moving the clock forward while the work is pending, so it ends in milliseconds of real time.
/// </summary>
internal static class VirtualClock
{
    public static async Task<T> RunAsync<T>(ManualTimeProvider clock, Func<Task<T>> work)
    {
        var running = work();
        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(running, Task.Delay(1));
        }

        return await running;
    }
}
