using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MotionControl.Media;
using MotionControl.Providers.Kling;

namespace MotionControl.Benchmarks;

/// <summary>
/// A 10 MiB local PNG sent inline as raw Base64 (Kling's way): the SDK's streamed body (MediaPreparer + JsonMediaContent)
/// against ReadAllBytes + Convert.ToBase64String + serialize, both written to Stream.Null.
/// </summary>
[MemoryDiagnoser]
public class Base64ImageBenchmarks
{
    public const int ImageBytes = 10 * 1024 * 1024;

    /// <summary>The Base64 payload alone: 4/3 of the file (the goal's unit).</summary>
    public const long EncodedBytes = (ImageBytes + 2L) / 3 * 4;

    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(BenchEnvironment.WorkDirectory, "image-10mib.png");
        WritePng(_path, ImageBytes);
        // Both bodies carry the whole Base64 payload (the DTOs differ only in a few short fields).
        if (Sdk() < EncodedBytes || Naive() < EncodedBytes)
        {
            throw new InvalidOperationException("a body is shorter than the Base64 payload");
        }
    }

    /// <summary>A valid PNG signature and IHDR (1024x1024 RGBA), padded with a private ancillary chunk to the exact size.</summary>
    internal static void WritePng(string path, int size)
    {
        if (File.Exists(path) && new FileInfo(path).Length == size)
        {
            return;
        }

        using var file = File.Create(path);
        byte[] head =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 4, 0, 0, 0, 4, 0, 8, 6, 0, 0, 0, 0, 0, 0, 0,
        ];
        file.Write(head);
        var padLength = size - head.Length - 12;
        file.Write([(byte)(padLength >> 24), (byte)(padLength >> 16), (byte)(padLength >> 8), (byte)padLength, (byte)'p', (byte)'a', (byte)'D', (byte)'g']);
        var random = new Random(42);
        var chunk = new byte[64 * 1024];
        for (var left = padLength; left > 0; left -= chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk, 0, Math.Min(chunk.Length, left));
        }

        file.Write(new byte[4]);
    }

    [Benchmark(Baseline = true, Description = "naive: ReadAllBytes + ToBase64String + serialize")]
    public long Naive()
    {
        var base64 = Convert.ToBase64String(File.ReadAllBytes(_path));
        var body = new NaiveKlingCreate(base64, "https://example.com/dance.mp4", "video", "std");
        var counter = new CountingStream(Stream.Null);
        JsonSerializer.Serialize(counter, body, RawJsonContext.Default.NaiveKlingCreate);
        return counter.Written;
    }

    [Benchmark(Description = "SDK: MediaPreparer + JsonMediaContent (streamed)")]
    public long Sdk() => SdkAsync().GetAwaiter().GetResult();

    private async Task<long> SdkAsync()
    {
        var preparer = new MediaPreparer(uploader: null);
        var image = await preparer.PrepareAsync(MediaSource.FromFile(_path), "Image", MediaTransport.RawBase64, CancellationToken.None);
        var dto = new KlingMotionControlRequest { ImageUrl = image, VideoUrl = "https://example.com/dance.mp4", CharacterOrientation = "video", Mode = "std" };
        var json = JsonSerializer.SerializeToUtf8Bytes(dto, KlingJsonContext.Default.KlingMotionControlRequest);
        using var content = preparer.CreateContent(json);
        var counter = new CountingStream(Stream.Null);
        await content.CopyToAsync(counter);
        preparer.ReleaseTemporaryFiles();
        return counter.Written;
    }
}

/// <summary>A write-only pass-through that counts bytes (so both bodies can be checked equal in length).</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Written += count;
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Written += buffer.Length;
        inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Written += count;
        return inner.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
