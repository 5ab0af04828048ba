using System.Web;
using Azure;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Media;
using MotionControl.Storage.AzureBlobs;
using MotionControl.Storage.Tests.Servers;
using MotionControl.Testing;

namespace MotionControl.Storage.Tests;

/// <summary>The Azure Blob uploader against a real Azurite on 127.0.0.1.</summary>
[Collection(AzuriteCollection.Name)]
public class AzureBlobMediaUploaderTests(AzuriteFixture azurite)
{
    private const int BlockBytes = 4 * 1024 * 1024;

    private static string NewContainer() => "mc-" + Guid.NewGuid().ToString("N")[..12];

    private AzureBlobMediaUploaderOptions Options(string container, TimeSpan? lifetime = null) => new()
    {
        ConnectionString = azurite.ConnectionString,
        ContainerName = container,
        CreateContainerIfMissing = true,
        BlockBytes = BlockBytes,
        UrlLifetime = lifetime ?? AzureBlobMediaUploaderOptions.DefaultUrlLifetime,
    };

    [Fact]
    public async Task A_50_MB_video_submitted_to_Kling_reaches_the_vendor_as_a_URL_that_downloads_the_exact_bytes_streamed_in_blocks()
    {
        using var video = LargeVideo.Create(50L * 1024 * 1024);
        await using var source = new CountingStream(File.OpenRead(video.Path));
        var handler = new FirstBodyByteHandler(() => source.BytesRead);
        var name = NewContainer();
        var container = new BlobContainerClient(azurite.ConnectionString, name, new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });
        var uploader = new AzureBlobMediaUploader(container, Options(name), null);
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = KlingBed.Client(emulator, uploader);

        var task = await kling.SubmitAsync(KlingBed.Request(MediaSource.FromStream(source, "dance.mp4")));

        var received = KlingBed.ReceivedVideoUrl(emulator);
        Assert.StartsWith(container.Uri.AbsoluteUri + "/", received.AbsoluteUri, StringComparison.Ordinal);
        var (sha256, bytes, contentType) = await UrlFetch.Sha256Async(received);
        Assert.Equal(video.Length, bytes);
        Assert.Equal(video.Sha256, sha256);
        Assert.Equal("video/mp4", contentType);

        // Streamed: no read larger than one block, and the first body byte left before even half the source was read.
        Assert.InRange(source.LargestRead, 1, BlockBytes);
        Assert.InRange(handler.SourceReadAtFirstBodyByte, 1, video.Length / 2);
        Assert.True(handler.Requests.Count(r => r.StartsWith("PUT ", StringComparison.Ordinal)) >= (int)(video.Length / BlockBytes), string.Join(", ", handler.Requests));

        // The task lists the blob without its query (the SAS signature is a credential).
        var staged = Assert.Single(task.StagedMedia);
        Assert.Equal(received.GetLeftPart(UriPartial.Path), staged.AbsoluteUri);
        Assert.Empty(staged.Query);
    }

    [Fact]
    public async Task GenerateAsync_deletes_the_staged_blob_when_the_task_succeeds()
    {
        var name = NewContainer();
        var uploader = new AzureBlobMediaUploader(Options(name));
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = KlingBed.Client(emulator, uploader);

        var task = await kling.GenerateAsync(KlingBed.Request(MediaSource.FromFile(LargeVideo.Fixture("moov_first.mp4"))));

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var staged = Assert.Single(task.StagedMedia);
        Assert.False(await azurite.Container(name).GetBlobClient(new BlobUriBuilder(staged).BlobName).ExistsAsync());
        Assert.Equal(404, await UrlFetch.StatusAsync(HttpMethod.Get, KlingBed.ReceivedVideoUrl(emulator)));
    }

    [Fact]
    public async Task GenerateAsync_deletes_the_staged_blob_when_the_task_fails()
    {
        var name = NewContainer();
        var uploader = new AzureBlobMediaUploader(Options(name));
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).Fails("motion not detected"));
        using var kling = KlingBed.Client(emulator, uploader);

        await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => kling.GenerateAsync(KlingBed.Request(MediaSource.FromFile(LargeVideo.Fixture("moov_first.mp4")))));

        Assert.Empty(await ListAsync(name));
        Assert.Equal(404, await UrlFetch.StatusAsync(HttpMethod.Get, KlingBed.ReceivedVideoUrl(emulator)));
    }

    [Fact]
    public async Task The_SAS_URL_reads_only_that_blob_and_expires_after_the_configured_lifetime()
    {
        var name = NewContainer();
        var uploader = new AzureBlobMediaUploader(Options(name, TimeSpan.FromMinutes(10)));
        var before = DateTimeOffset.UtcNow;

        var url = await uploader.UploadAsync(Upload("image/png", 1000));

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        var expires = DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(10).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(5));
        Assert.Equal(200, await UrlFetch.StatusAsync(HttpMethod.Get, url));
        Assert.Equal(403, await UrlFetch.StatusAsync(HttpMethod.Put, url, new ByteArrayContent(new byte[10]) { Headers = { { "x-ms-blob-type", "BlockBlob" } } }));
        Assert.Equal(403, await UrlFetch.StatusAsync(HttpMethod.Delete, url));
        var sibling = new UriBuilder(url) { Path = url.AbsolutePath + "-other" }.Uri;
        Assert.Equal(403, await UrlFetch.StatusAsync(HttpMethod.Get, sibling));
    }

    [Fact]
    public async Task Uploads_set_the_content_type_and_keep_a_safe_file_name_under_the_prefix()
    {
        var name = NewContainer();
        var options = Options(name);
        options.BlobPrefix = "motion-control/";
        var uploader = new AzureBlobMediaUploader(options);

        var url = await uploader.UploadAsync(Upload("video/quicktime", 2048, "my clip (1).mov"));

        var blob = new BlobUriBuilder(url).BlobName;
        Assert.Matches("^motion-control/[0-9a-f]{32}/my-clip--1-.mov$", blob);
        var properties = await azurite.Container(name).GetBlobClient(blob).GetPropertiesAsync();
        Assert.Equal("video/quicktime", properties.Value.ContentType);
        Assert.Equal(2048, properties.Value.ContentLength);
    }

    [Fact]
    public async Task DeleteAsync_refuses_a_URL_outside_its_container_and_accepts_one_already_gone()
    {
        var name = NewContainer();
        var uploader = new AzureBlobMediaUploader(Options(name));
        var url = await uploader.UploadAsync(Upload("image/png", 10));
        var other = new UriBuilder(url) { Path = url.AbsolutePath.Replace(name, "another-container", StringComparison.Ordinal), Query = string.Empty }.Uri;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => uploader.DeleteAsync(other).AsTask());
        await uploader.DeleteAsync(url);
        await uploader.DeleteAsync(url);

        Assert.Contains("another-container", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(name));
    }

    [Fact]
    public async Task The_account_key_and_the_SAS_signature_never_show_in_ToString_logs_or_errors()
    {
        var name = NewContainer();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var options = Options(name);
        var uploader = new AzureBlobMediaUploader(options, loggerFactory);

        var url = await uploader.UploadAsync(Upload("image/png", 10));
        await uploader.DeleteAsync(url);
        var signature = HttpUtility.ParseQueryString(url.Query)["sig"]!;

        var wrongKey = Convert.ToBase64String(new byte[64]);
        var bad = new AzureBlobMediaUploader(new AzureBlobMediaUploaderOptions
        {
            ServiceUri = azurite.ServiceUri,
            AccountName = AzuriteFixture.AccountName,
            AccountKey = wrongKey,
            ContainerName = name,
        });
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => bad.UploadAsync(Upload("image/png", 10)).AsTask());
        var invalid = Assert.Throws<ArgumentException>(() => new AzureBlobMediaUploader(new AzureBlobMediaUploaderOptions { ConnectionString = "AccountKey=" + AzuriteFixture.AccountKey }));

        Assert.NotEmpty(logs.GetSnapshot());
        var texts = new[]
        {
            uploader.ToString(), options.ToString(), bad.ToString(), refused.ToString(), invalid.ToString(),
            string.Join("\n", logs.GetSnapshot().Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? []))),
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(AzuriteFixture.AccountKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(wrongKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(signature), text, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", text, StringComparison.Ordinal);
        }

        Assert.Contains("ContainerName is required", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(403, refused.Status);
    }

    private static MediaUploadRequest Upload(string contentType, int bytes, string fileName = "image.png") => new()
    {
        Content = new MemoryStream(new byte[bytes]),
        FileName = fileName,
        ContentType = contentType,
        Length = bytes,
        Field = "Image",
    };

    private async Task<List<string>> ListAsync(string container)
    {
        var names = new List<string>();
        await foreach (var blob in azurite.Container(container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
