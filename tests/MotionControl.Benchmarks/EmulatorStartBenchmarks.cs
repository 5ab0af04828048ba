using BenchmarkDotNet.Attributes;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>
/// How long a warm process takes to start and stop the emulator (the package promises well under a second; tests that
/// start one per test rely on it). Measured here rather than asserted in a unit test.
/// </summary>
[MemoryDiagnoser]
public class EmulatorStartBenchmarks
{
    [Benchmark(Description = "MotionControlEmulator: start + dispose (warm)")]
    public async Task<Uri> StartAndStopAsync()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        return emulator.BaseAddress;
    }
}
