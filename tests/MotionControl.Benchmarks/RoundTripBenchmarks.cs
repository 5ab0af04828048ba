using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>Submit + get on loopback: the SDK's Vydra client against a hand-written HttpClient + System.Text.Json client.</summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private MotionControlEmulator? _owned;
    private VydraClient _sdk = null!;
    private HttpClient _raw = null!;
    private MotionControlRequest _request = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (var baseAddress, _owned) = await BenchEnvironment.EmulatorAsync();
        _sdk = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = BenchEnvironment.Credentials.VydraApiKey });
        _raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchEnvironment.Credentials.VydraApiKey);
        _request = new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            Prompt = "a dancer on a rooftop",
        };
        // Both paths warm (connection open, JIT done) and correct before measuring.
        if (await SdkAsync() is not { Length: > 0 } sdkStatus || await RawAsync() != sdkStatus)
        {
            throw new InvalidOperationException("both paths should see the same status on the first poll");
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

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ: POST + GET")]
    public async Task<string?> RawAsync()
    {
        // Built the way a careful hand-written client would: source-generated JSON, headers-read + stream parse. The body
        // is serialized per call, as a real client's request is (the SDK serializes its own per call too).
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RawVydraCreate("https://example.com/character.png", "https://example.com/dance.mp4", "a dancer on a rooftop"),
            RawJsonContext.Default.RawVydraCreate);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var created = await _raw.PostAsync("api/v1/models/kling", content);
        created.EnsureSuccessStatusCode();
        var job = await JsonSerializer.DeserializeAsync(await created.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawVydraCreated);
        using var got = await _raw.GetAsync("api/v1/jobs/" + Uri.EscapeDataString(job!.JobId!), HttpCompletionOption.ResponseHeadersRead);
        got.EnsureSuccessStatusCode();
        var status = await JsonSerializer.DeserializeAsync(await got.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawVydraJob);
        return status!.Status;
    }

    [Benchmark(Description = "SDK VydraClient: SubmitAsync + GetTaskAsync")]
    public async Task<string?> SdkAsync()
    {
        var submitted = await _sdk.SubmitAsync(_request);
        var task = await _sdk.GetTaskAsync(submitted.Id);
        return task.VendorStatus;
    }
}
