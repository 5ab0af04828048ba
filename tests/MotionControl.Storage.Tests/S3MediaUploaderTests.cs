using System.Web;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Media;
using MotionControl.Storage.S3;
using MotionControl.Storage.Tests.Servers;
using MotionControl.Testing;

namespace MotionControl.Storage.Tests;

/// <summary>The S3 uploader against a real s3rver on 127.0.0.1.</summary>
[Collection(S3rverCollection.Name)]
public class S3MediaUploaderTests(S3rverFixture s3rver)
{
    private static string NewBucket() => "mc-" + Guid.NewGuid().ToString("N")[..12];

    private S3MediaUploaderOptions Options(string bucket, TimeSpan? lifetime = null) => new()
    {
        BucketName = bucket,
        ServiceUrl = s3rver.ServiceUrl,
        ForcePathStyle = true,
        AccessKeyId = S3rverFixture.AccessKeyId,
        SecretAccessKey = S3rverFixture.SecretAccessKey,
        CreateBucketIfMissing = true,

        // s3rver stores an aws-chunked body as it arrives, framing included.
        ChunkedUploads = false,
        UrlLifetime = lifetime ?? S3MediaUploaderOptions.DefaultUrlLifetime,
    };

    [Fact]
    public async Task A_50_MB_video_submitted_to_Kling_reaches_the_vendor_as_a_URL_that_downloads_the_exact_bytes_streamed()
    {
        using var video = LargeVideo.Create(50L * 1024 * 1024);
        await using var source = new CountingStream(File.OpenRead(video.Path));
        using var handler = new FirstBodyByteHandler(() => source.BytesRead);
        var bucket = NewBucket();
        using var client = s3rver.Client(handler);
        var uploader = new S3MediaUploader(client, Options(bucket), null);
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = KlingBed.Client(emulator, uploader);

        var task = await kling.SubmitAsync(KlingBed.Request(MediaSource.FromStream(source, "dance.mp4")));

        var received = KlingBed.ReceivedVideoUrl(emulator);
        Assert.StartsWith($"{s3rver.ServiceUrl.AbsoluteUri}{bucket}/", received.AbsoluteUri, StringComparison.Ordinal);
        var (sha256, bytes, contentType) = await UrlFetch.Sha256Async(received);
        Assert.Equal(video.Length, bytes);
        Assert.Equal(video.Sha256, sha256);
        Assert.Equal("video/mp4", contentType);

        // Streamed: small reads, and the first body byte left before even half the source was read.
        Assert.InRange(source.LargestRead, 1, 1024 * 1024);
        Assert.InRange(handler.SourceReadAtFirstBodyByte, 1, video.Length / 2);

        var staged = Assert.Single(task.StagedMedia);
        Assert.Equal(received.GetLeftPart(UriPartial.Path), staged.AbsoluteUri);
        Assert.Empty(staged.Query);
    }

    [Fact]
    public async Task GenerateAsync_deletes_the_staged_object_when_the_task_succeeds()
    {
        var bucket = NewBucket();
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, Options(bucket), null);
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = KlingBed.Client(emulator, uploader);

        var task = await kling.GenerateAsync(KlingBed.Request(MediaSource.FromFile(LargeVideo.Fixture("moov_first.mp4"))));

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Single(task.StagedMedia);
        Assert.Empty(await ListAsync(bucket));
        Assert.Equal(404, await UrlFetch.StatusAsync(HttpMethod.Get, KlingBed.ReceivedVideoUrl(emulator)));
    }

    [Fact]
    public async Task GenerateAsync_deletes_the_staged_object_when_the_task_fails()
    {
        var bucket = NewBucket();
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, Options(bucket), null);
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).Fails("motion not detected"));
        using var kling = KlingBed.Client(emulator, uploader);

        await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => kling.GenerateAsync(KlingBed.Request(MediaSource.FromFile(LargeVideo.Fixture("moov_first.mp4")))));

        Assert.Empty(await ListAsync(bucket));
    }

    [Fact]
    public async Task The_presigned_URL_is_a_GET_for_that_object_alone_that_expires_after_the_configured_lifetime()
    {
        // s3rver does not verify SigV4 signatures (its authentication.js: "Signature version 4 calculation is unimplemented"),
        // so a PUT through the URL cannot be shown refused here; the URL's signed scope is checked instead.
        var bucket = NewBucket();
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, Options(bucket, TimeSpan.FromMinutes(10)), null);

        var url = await uploader.UploadAsync(Upload("image/png", 1000));

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        Assert.StartsWith(S3rverFixture.AccessKeyId + "/", query["X-Amz-Credential"], StringComparison.Ordinal);
        Assert.InRange(int.Parse(query["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture), 599, 601);
        Assert.Matches($"^/{bucket}/[0-9a-f]{{32}}/image.png$", url.AbsolutePath);
        Assert.Equal(200, await UrlFetch.StatusAsync(HttpMethod.Get, url));
    }

    [Fact]
    public async Task Uploads_set_the_content_type_and_keep_a_safe_file_name_under_the_prefix()
    {
        var bucket = NewBucket();
        var options = Options(bucket);
        options.KeyPrefix = "motion-control/";
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, options, null);

        await uploader.UploadAsync(Upload("video/quicktime", 2048, "my clip (1).mov"));

        var key = Assert.Single(await ListAsync(bucket));
        Assert.Matches("^motion-control/[0-9a-f]{32}/my-clip--1-.mov$", key);
        var metadata = await client.GetObjectMetadataAsync(bucket, key);
        Assert.Equal("video/quicktime", metadata.Headers.ContentType);
        Assert.Equal(2048, metadata.ContentLength);
    }

    [Fact]
    public async Task DeleteAsync_refuses_a_URL_outside_its_bucket_and_accepts_one_already_gone()
    {
        var bucket = NewBucket();
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, Options(bucket), null);
        var url = await uploader.UploadAsync(Upload("image/png", 10));
        var other = new UriBuilder(url) { Path = url.AbsolutePath.Replace(bucket, "another-bucket", StringComparison.Ordinal), Query = string.Empty }.Uri;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => uploader.DeleteAsync(other).AsTask());
        await uploader.DeleteAsync(new Uri(url.GetLeftPart(UriPartial.Path)));
        await uploader.DeleteAsync(url);

        Assert.Contains("another-bucket", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(bucket));
    }

    [Fact]
    public async Task The_secret_key_and_the_URL_signature_never_show_in_ToString_logs_or_errors()
    {
        // s3rver checks the access key id but not SigV4 signatures, so the refused upload uses an unknown key id.
        var bucket = NewBucket();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var options = Options(bucket);
        using var client = s3rver.Client();
        var uploader = new S3MediaUploader(client, options, loggerFactory);

        var url = await uploader.UploadAsync(Upload("image/png", 10));
        await uploader.DeleteAsync(url);
        var signature = HttpUtility.ParseQueryString(url.Query)["X-Amz-Signature"]!;

        const string wrongSecret = "not-the-secret-0123456789abcdefghijklmnop";
        var badOptions = Options(bucket);
        badOptions.SecretAccessKey = wrongSecret;
        badOptions.CreateBucketIfMissing = false;
        using var badClient = s3rver.Client(accessKeyId: "NOT-A-KEY", secretAccessKey: wrongSecret);
        var bad = new S3MediaUploader(badClient, badOptions, null);
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => bad.UploadAsync(Upload("image/png", 10)).AsTask());
        var invalid = Assert.Throws<ArgumentException>(() => new S3MediaUploader(new S3MediaUploaderOptions { Region = "eu-west-1", AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = wrongSecret }));

        Assert.NotEmpty(logs.GetSnapshot());
        var texts = new[]
        {
            uploader.ToString(), options.ToString(), bad.ToString(), badOptions.ToString(), refused.ToString(), invalid.ToString(),
            string.Join("\n", logs.GetSnapshot().Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? []))),
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(wrongSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain("X-Amz-Signature", text, StringComparison.Ordinal);
        }

        Assert.Contains("BucketName is required", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidAccessKeyId", refused.ErrorCode);
    }

    private static MediaUploadRequest Upload(string contentType, int bytes, string fileName = "image.png") => new()
    {
        Content = new MemoryStream(new byte[bytes]),
        FileName = fileName,
        ContentType = contentType,
        Length = bytes,
        Field = "Image",
    };

    private async Task<List<string>> ListAsync(string bucket)
    {
        using var client = s3rver.Client();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }
}
