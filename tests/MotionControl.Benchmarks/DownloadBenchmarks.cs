using BenchmarkDotNet.Attributes;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>A 200 MiB result (the emulator's synthetic blob) to Stream.Null: DownloadVideoAsync against GetStreamAsync + CopyToAsync.</summary>
[MemoryDiagnoser]
public class DownloadBenchmarks
{
    public const long Bytes = 200L * 1024 * 1024;

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
