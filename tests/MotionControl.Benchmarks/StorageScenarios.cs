using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using MotionControl.Media;
using MotionControl.Storage.AzureBlobs;
using MotionControl.Storage.S3;
using MotionControl.Storage.Tests.Servers;
using MotionControl.Storage.Tests.TestSupport;

namespace MotionControl.Benchmarks;

/// <summary>
/// Peak memory of staging a 50 MB and a 500 MB video through each uploader, against Azurite and s3rver (local processes):
/// the live managed heap (after a full collection) sampled about every 2.5 MiB of source read, its peak above the heap
/// before the upload; the bytes allocated; the process's peak working set. The files are made at run time (sparse).
/// </summary>
internal static class StorageScenarios
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> UploadMemoryAsync(int[] sizesMb)
    {
        await using var azurite = await NodeServer.StartAzuriteAsync();
        await using var s3rver = await NodeServer.StartS3rverAsync();

        var azure = new AzureBlobMediaUploader(new AzureBlobMediaUploaderOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;",
            ContainerName = "bench",
            CreateContainerIfMissing = true,
        });
        using var s3Client = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
        {
            ServiceURL = $"https://127.0.0.1:{s3rver.Port}",
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            HttpClientFactory = new HandlerHttpClientFactory(TestCertificates.Handler()),
        });
        var s3 = new S3MediaUploader(s3Client, new S3MediaUploaderOptions { BucketName = "bench", CreateBucketIfMissing = true, ChunkedUploads = false }, null);

        // Warm-up (JIT, connections, container and bucket creation) with a small file, not reported.
        var uploaders = new (string Name, IMediaUploader Uploader)[] { ("azureblobs", azure), ("s3", s3) };
        foreach (var (_, uploader) in uploaders)
        {
            await MeasureAsync(uploader, SparseFile(1));
        }

        foreach (var mb in sizesMb)
        {
            var path = SparseFile(mb);
            foreach (var (name, uploader) in uploaders)
            {
                var (peak, allocated, seconds, url) = await MeasureAsync(uploader, path);
                Console.WriteLine($"storage.{name}.{mb}MB: live managed heap peak +{peak / 1024} KiB above the start, {allocated / (1024 * 1024)} MiB allocated, " +
                    $"{(mb / seconds).ToString("0", Inv)} MB/s, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
                await ((IMediaCleanup)uploader).DeleteAsync(new Uri(url.GetLeftPart(UriPartial.Path)));
            }

            File.Delete(path);
        }

        return 0;
    }

    private static async Task<(long Peak, long Allocated, double Seconds, Uri Url)> MeasureAsync(IMediaUploader uploader, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = before;
        var nextSample = 0L;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        await using var source = new MotionControl.Storage.Tests.TestSupport.CountingStream(file, read =>
        {
            if (read >= nextSample)
            {
                nextSample = read + (5L << 19);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        });
        var started = Stopwatch.StartNew();
        var url = await uploader.UploadAsync(new MediaUploadRequest
        {
            Content = source,
            FileName = Path.GetFileName(path),
            ContentType = "video/mp4",
            Length = file.Length,
            Field = "Video",
        });
        var seconds = started.Elapsed.TotalSeconds;
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        return (peak - before, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, seconds, url);
    }

    /// <summary>A sparse file of <paramref name="mb"/> MB (10^6 bytes): no disk spent, reads as zeros.</summary>
    private static string SparseFile(int mb)
    {
        var path = Path.Combine(BenchEnvironment.WorkDirectory, FormattableString.Invariant($"upload-{mb}mb.mp4"));
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(mb * 1_000_000L);
        return path;
    }
}
