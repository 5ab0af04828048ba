using MotionControl.Testing;

namespace MotionControl.Tests.TestSupport;

/// <summary>Drives a <see cref="ManualTimeProvider"/> while an operation that waits on it (a retry delay) runs.</summary>
internal static class ManualClock
{
    /// <summary>Advances the clock in small steps until <paramref name="operation"/> completes (at most 30 s of real time).</summary>
    public static async Task<T> RunAsync<T>(ManualTimeProvider clock, Task<T> operation, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!operation.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(step ?? TimeSpan.FromMilliseconds(20));
            await Task.WhenAny(operation, Task.Delay(2));
        }

        return await operation;
    }
}
