namespace MotionControl.Tests.TestSupport;

/// <summary>
/// Runs an operation that sleeps on a <see cref="FakeTimeProvider"/> (a retry delay, ModelsLab's <c>eta</c>) by moving the
/// clock forward in steps while it is pending, so it ends in milliseconds of real time.
/// </summary>
internal static class FakeClock
{
    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/>, then gives the operation <paramref name="pause"/> of
    /// real time (1 ms by default), until <paramref name="operation"/> completes or 30 s of real time have passed.
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> operation, TimeSpan step, TimeSpan? pause = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!operation.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(step);
            await Task.WhenAny(operation, Task.Delay(pause ?? TimeSpan.FromMilliseconds(1)));
        }

        return await operation;
    }
}
