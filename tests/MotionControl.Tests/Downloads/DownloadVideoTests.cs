using Microsoft.Extensions.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Tests.Downloads;

public sealed class DownloadVideoTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mc-download-tests-" + Guid.NewGuid().ToString("N"));
    private MotionControlEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _emulator = await MotionControlEmulator.StartAsync();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static MotionControlTask TaskWithVideo(Uri url, string provider = MotionControlProviders.Kling) => new()
    {
        Id = "t-1",
        ProviderName = provider,
        Status = MotionControlTaskStatus.Succeeded,
        Videos = [new GeneratedVideo { Url = url }],
    };

    private string[] FolderEntries() => Directory.GetFileSystemEntries(_folder);

    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.PowerTokens)]
    [InlineData(MotionControlProviders.ModelsLab)]
    [InlineData(MotionControlProviders.AimlApi)]
    [InlineData(MotionControlProviders.Vydra)]
    public async Task Streams_the_emulators_result_video_into_a_stream(string provider)
    {
        using var client = VendorTestBed.CreateClient(provider, _emulator);
        var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        using var destination = new MemoryStream();

        var written = await client.DownloadVideoAsync(task, destination);

        Assert.Equal(MotionControlEmulator.SampleVideo.Length, written);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), destination.ToArray());
    }

    [Fact]
    public async Task Downloads_to_a_file_path_and_leaves_only_that_file()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        var path = Path.Combine(_folder, "out.mp4");

        var written = await client.DownloadVideoAsync(task, path);

        Assert.Equal(MotionControlEmulator.SampleVideo.Length, written);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], FolderEntries());
    }

    [Fact]
    public async Task Replaces_an_existing_file_only_when_the_download_completes()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var path = Path.Combine(_folder, "existing.mp4");
        await File.WriteAllTextAsync(path, "old video");

        var written = await client.DownloadVideoAsync(TaskWithVideo(_emulator.GetBlobUri(300_000)), path);

        Assert.Equal(300_000, written);
        Assert.Equal(300_000, new FileInfo(path).Length);
        Assert.Equal([path], FolderEntries());
    }

    [Fact]
    public async Task Creates_the_destination_folder()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var path = Path.Combine(_folder, "a", "b", "video.mp4");

        await client.DownloadVideoAsync(TaskWithVideo(_emulator.GetBlobUri(1000)), path);

        Assert.Equal(1000, new FileInfo(path).Length);
    }

    [Fact]
    public async Task A_cancelled_download_leaves_no_file_and_no_part_file()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var path = Path.Combine(_folder, "cancelled.mp4");
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(bytes =>
        {
            if (bytes > 1_000_000)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.DownloadVideoAsync(TaskWithVideo(_emulator.GetBlobUri(200L * 1024 * 1024)), path, progress, cts.Token));

        Assert.Empty(FolderEntries());
    }

    [Fact]
    public async Task A_download_cut_off_mid_body_fails_and_leaves_no_file_and_no_part_file()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        // The result video route honours AbortMidBody: it announces the full length, sends half, then drops.
        _emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Download, EmulatorFault.AbortMidBody());
        var path = Path.Combine(_folder, "cut.mp4");

        var ex = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.DownloadVideoAsync(task, path));

        Assert.Equal(task.Id, ex.TaskId);
        Assert.Equal(1, _emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Download));
        Assert.Empty(FolderEntries());
    }

    [Fact]
    public async Task A_large_download_cut_off_mid_body_fails_and_leaves_no_file_and_no_part_file()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        _emulator.AddFault(EmulatorProviders.Files, EmulatorOperation.Download, EmulatorFault.AbortMidBody());
        var path = Path.Combine(_folder, "cut-large.mp4");

        await Assert.ThrowsAnyAsync<MotionControlException>(() => client.DownloadVideoAsync(TaskWithVideo(_emulator.GetBlobUri(8L * 1024 * 1024)), path));

        Assert.Equal(1, _emulator.CallCount(EmulatorProviders.Files, EmulatorOperation.Download));
        Assert.Empty(FolderEntries());
    }

    [Fact]
    public async Task A_404_fails_naming_HTTP_404_and_leaves_no_file()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var expired = new Uri(_emulator.BaseAddress, "files/videos/kling/no-such-task/0.mp4");
        var path = Path.Combine(_folder, "expired.mp4");

        var ex = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(TaskWithVideo(expired), path));

        Assert.Contains("HTTP 404", ex.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(MotionControlProviders.Kling, ex.ProviderName);
        Assert.Empty(FolderEntries());
    }

    [Fact]
    public async Task A_result_link_of_an_unfinished_task_answers_404()
    {
        _emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().ProcessingForever());
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        var early = new Uri(_emulator.BaseAddress, $"files/videos/kling/{submitted.Id}/0.mp4");

        var ex = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(TaskWithVideo(early), Stream.Null));

        Assert.Contains("HTTP 404", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/video.mp4")]
    public async Task Refuses_urls_that_are_not_http_or_https(string url)
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var path = Path.Combine(_folder, "refused.mp4");

        var ex = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(TaskWithVideo(new Uri(url)), path));
        Assert.Contains("only http and https", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(TaskWithVideo(new Uri(url)), Stream.Null));

        Assert.Empty(FolderEntries());
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Reports_progress_monotonically_ending_at_the_total()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        const long size = 3 * 1024 * 1024 + 17;
        var reports = new List<long>();

        var written = await client.DownloadVideoAsync(TaskWithVideo(_emulator.GetBlobUri(size)), Stream.Null, new SyncProgress(reports.Add));

        Assert.Equal(size, written);
        Assert.True(reports.Count > 1, "expected several progress reports");
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second > p.First), "progress must rise on every report");
        Assert.True(reports[0] > 0);
        Assert.Equal(size, reports[^1]);
    }

    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.PowerTokens)]
    [InlineData(MotionControlProviders.AimlApi)]
    [InlineData(MotionControlProviders.Vydra)]
    public async Task Never_sends_the_vendors_authorization_header(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        using var client = VendorTestBed.CreateClient(provider, emulator);
        var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));

        await client.DownloadVideoAsync(task, Stream.Null);

        var vendorCalls = emulator.Requests.Where(r => r.Operation != EmulatorOperation.Download).ToList();
        Assert.NotEmpty(vendorCalls);
        Assert.All(vendorCalls, r => Assert.True(r.Headers.ContainsKey("Authorization"), $"{r} should carry the vendor key"));
        var download = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Download);
        Assert.Equal("GET", download.Method);
        Assert.False(download.Headers.ContainsKey("Authorization"), $"the download sent Authorization: {download.Headers.GetValueOrDefault("Authorization")}");
        Assert.DoesNotContain(download.Headers.Values, v => v.Contains(emulator.Credentials.VydraApiKey, StringComparison.Ordinal)
            || v.Contains(emulator.Credentials.AimlApiKey, StringComparison.Ordinal)
            || v.Contains(emulator.Credentials.PowerTokensApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_without_a_video_is_refused_before_any_request()
    {
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator);
        var pending = new MotionControlTask { Id = "t-2", ProviderName = "kling", Status = MotionControlTaskStatus.Processing };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DownloadVideoAsync(pending, Path.Combine(_folder, "x.mp4")));

        Assert.Contains("t-2", ex.Message, StringComparison.Ordinal);
        Assert.Empty(FolderEntries());
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Under_dependency_injection_downloads_go_through_the_named_download_client_with_the_callers_handlers_and_no_vendor_key()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        var downloads = new CountingHandler();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddMotionControl().AddVydra(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ApiKey = emulator.Credentials.VydraApiKey;
            o.WaitOptions = VendorTestBed.FastWait;
        });
        services.AddHttpClient(MotionControl.DependencyInjection.MotionControlBuilder.DownloadHttpClientName).AddHttpMessageHandler(() => downloads);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMotionControlClient>();
        var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));

        var written = await client.DownloadVideoAsync(task, Stream.Null);

        Assert.True(written > 0);

        // The remote pre-flight of the request's URLs (HEADs, before the submit) uses the same client; the download is its one GET.
        var seen = Assert.Single(downloads.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal(task.Videos[0].Url, seen.RequestUri);
        Assert.All(downloads.Requests, r => Assert.Null(r.Headers.Authorization));
        var download = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Download);
        Assert.False(download.Headers.ContainsKey("Authorization"));
    }

    /// <summary>Records the requests sent through it (a caller's handler on the download client).</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, so its order is not guaranteed).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
