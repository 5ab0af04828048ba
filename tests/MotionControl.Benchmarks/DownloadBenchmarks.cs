using BenchmarkDotNet.Attributes;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>
/// A 20 MiB and a 200 MiB result (the emulator's synthetic blob) to Stream.Null: DownloadVideoAsync against
/// GetStreamAsync + CopyToAsync. Two sizes, so that "memory does not grow with the size" is measured, not inferred.
/// </summary>
[MemoryDiagnoser]
public class DownloadBenchmarks
{
    /// <summary>The size of the result, in MiB.</summary>
    [Params(20, 200)]
    public int MiB { get; set; }

    private long Bytes => MiB * 1024L * 1024;

    private MotionControlEmulator? _owned;
    private VydraClient _sdk = null!;
    private HttpClient _raw = null!;
    private MotionControlTask _task = null!;
    private Uri _blob = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (var baseAddress, _owned) = await BenchEnvironment.EmulatorAsync();
        _blob = new Uri(baseAddress, FormattableString.Invariant($"files/blob?bytes={Bytes}"));
        _sdk = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = BenchEnvironment.Credentials.VydraApiKey });
        _raw = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _task = new MotionControlTask
        {
            Id = "bench",
            ProviderName = MotionControlProviders.Vydra,
            Status = MotionControlTaskStatus.Succeeded,
            Videos = [new GeneratedVideo { Url = _blob }],
        };
        if (await SdkAsync() != Bytes || await RawAsync() != Bytes)
        {
            throw new InvalidOperationException("a download was short");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _sdk.Dispose();
        _raw.Dispose();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "HttpClient GetStreamAsync + CopyToAsync")]
    public async Task<long> RawAsync()
    {
        var counter = new CountingStream(Stream.Null);
        await using var source = await _raw.GetStreamAsync(_blob);
        await source.CopyToAsync(counter);
        return counter.Written;
    }

    [Benchmark(Description = "SDK DownloadVideoAsync")]
    public Task<long> SdkAsync() => _sdk.DownloadVideoAsync(_task, Stream.Null);
}
