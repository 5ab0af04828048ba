using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>
/// Submit + get on loopback, per vendor (one BenchmarkDotNet category each, with its own baseline, so Ratio and Alloc Ratio
/// are per vendor): a hand-written HttpClient + System.Text.Json client, the SDK's typed vendor API (<c>Api</c>), and the
/// SDK's neutral <see cref="IMotionControlClient"/> (SubmitAsync + GetTaskAsync). Kling is authenticated with its API key
/// (a bearer token, as the raw client sends it), Vydra with its bearer key.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RoundTripBenchmarks
{
    public const string Kling = "Kling";
    public const string Vydra = "Vydra";

    private const string ImageUrl = "https://example.com/character.png";
    private const string VideoUrl = "https://example.com/dance.mp4";
    private const string Prompt = "a dancer on a rooftop";

    private MotionControlEmulator? _owned;
    private KlingClient _kling = null!;
    private VydraClient _vydra = null!;
    private HttpClient _rawKling = null!;
    private HttpClient _rawVydra = null!;
    private MotionControlRequest _request = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (var baseAddress, _owned) = await BenchEnvironment.EmulatorAsync();
        var credentials = BenchEnvironment.Credentials;
        _kling = new KlingClient(new KlingOptions { BaseAddress = baseAddress, ApiKey = credentials.KlingApiKey });
        _vydra = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = credentials.VydraApiKey });
        _rawKling = RawClient(baseAddress, credentials.KlingApiKey);
        _rawVydra = RawClient(baseAddress, credentials.VydraApiKey);
        _request = new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri(ImageUrl)),
            Video = MediaSource.FromUri(new Uri(VideoUrl)),
            Prompt = Prompt,
        };

        // Every path warm (connection open, JIT done) and correct before measuring: each vendor's paths see the same
        // status on the first poll.
        var kling = new[] { await KlingRawAsync(), await KlingTypedAsync(), await KlingNeutralAsync() };
        var vydra = new[] { await VydraRawAsync(), await VydraTypedAsync(), await VydraNeutralAsync() };
        foreach (var statuses in new[] { kling, vydra })
        {
            if (statuses[0] is not { Length: > 0 } || statuses.Distinct().Count() != 1)
            {
                throw new InvalidOperationException($"every path should see the same status on the first poll: {string.Join(", ", statuses)}");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _kling.Dispose();
        _vydra.Dispose();
        _rawKling.Dispose();
        _rawVydra.Dispose();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    [BenchmarkCategory(Kling)]
    [Benchmark(Baseline = true, Description = "Kling raw HttpClient + STJ: POST + GET")]
    public async Task<string?> KlingRawAsync()
    {
        // Built the way a careful hand-written client would: source-generated JSON, the bearer header set once on the
        // client, stream parse. The body is serialized per call, as a real client's request is.
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RawKlingCreate("kling-v2-6", Prompt, ImageUrl, VideoUrl, "image", "std"),
            RawJsonContext.Default.RawKlingCreate);
        using var content = JsonContent(body);
        using var created = await _rawKling.PostAsync("v1/videos/motion-control", content);
        created.EnsureSuccessStatusCode();
        var task = await JsonSerializer.DeserializeAsync(await created.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawKlingEnvelope);
        if (task is not { Code: 0, Data.TaskId: { } id })
        {
            throw new InvalidOperationException("Kling create failed: code " + task?.Code);
        }

        using var got = await _rawKling.GetAsync("v1/videos/motion-control/" + Uri.EscapeDataString(id), HttpCompletionOption.ResponseHeadersRead);
        got.EnsureSuccessStatusCode();
        var status = await JsonSerializer.DeserializeAsync(await got.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawKlingEnvelope);
        return status is { Code: 0 } ? status.Data?.TaskStatus : throw new InvalidOperationException("Kling get failed: code " + status?.Code);
    }

    [BenchmarkCategory(Kling)]
    [Benchmark(Description = "Kling typed KlingClient.Api: create + get")]
    public async Task<string?> KlingTypedAsync()
    {
        var created = await _kling.Api.CreateMotionControlTaskAsync(new KlingMotionControlRequest
        {
            ModelName = "kling-v2-6",
            Prompt = Prompt,
            ImageUrl = ImageUrl,
            VideoUrl = VideoUrl,
            CharacterOrientation = "image",
            Mode = "std",
        });
        var got = await _kling.Api.GetMotionControlTaskAsync(created.Data.TaskId!);
        return got.Data.TaskStatus;
    }

    [BenchmarkCategory(Kling)]
    [Benchmark(Description = "Kling neutral: SubmitAsync + GetTaskAsync")]
    public async Task<string?> KlingNeutralAsync()
    {
        var submitted = await _kling.SubmitAsync(_request);
        var task = await _kling.GetTaskAsync(submitted.Id);
        return task.VendorStatus;
    }

    [BenchmarkCategory(Vydra)]
    [Benchmark(Baseline = true, Description = "Vydra raw HttpClient + STJ: POST + GET")]
    public async Task<string?> VydraRawAsync()
    {
        // Built the way a careful hand-written client would: source-generated JSON, headers-read + stream parse. The body
        // is serialized per call, as a real client's request is (the SDK serializes its own per call too).
        var body = JsonSerializer.SerializeToUtf8Bytes(new RawVydraCreate(ImageUrl, VideoUrl, Prompt), RawJsonContext.Default.RawVydraCreate);
        using var content = JsonContent(body);
        using var created = await _rawVydra.PostAsync("api/v1/models/kling", content);
        created.EnsureSuccessStatusCode();
        var job = await JsonSerializer.DeserializeAsync(await created.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawVydraCreated);
        using var got = await _rawVydra.GetAsync("api/v1/jobs/" + Uri.EscapeDataString(job!.JobId!), HttpCompletionOption.ResponseHeadersRead);
        got.EnsureSuccessStatusCode();
        var status = await JsonSerializer.DeserializeAsync(await got.Content.ReadAsStreamAsync(), RawJsonContext.Default.RawVydraJob);
        return status!.Status;
    }

    [BenchmarkCategory(Vydra)]
    [Benchmark(Description = "Vydra typed VydraClient.Api: create + get")]
    public async Task<string?> VydraTypedAsync()
    {
        var created = await _vydra.Api.CreateMotionControlJobAsync(new VydraMotionControlRequest { ImageUrl = ImageUrl, VideoUrl = VideoUrl, Prompt = Prompt });
        var job = await _vydra.Api.GetJobAsync(created.JobId!);
        return job.Status;
    }

    [BenchmarkCategory(Vydra)]
    [Benchmark(Description = "Vydra neutral: SubmitAsync + GetTaskAsync")]
    public async Task<string?> VydraNeutralAsync()
    {
        var submitted = await _vydra.SubmitAsync(_request);
        var task = await _vydra.GetTaskAsync(submitted.Id);
        return task.VendorStatus;
    }

    private static HttpClient RawClient(Uri baseAddress, string bearer)
    {
        var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
