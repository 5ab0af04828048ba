using MotionControl.Media;
using Xunit.Abstractions;

namespace MotionControl.Tests.Media;

/// <summary>Allocation is measured process-wide, so nothing else may run meanwhile.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

/// <summary>Sending a 10 MB image allocates a small fraction of its Base64 (pooled buffers), not a copy of it.</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class JsonMediaContentMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private readonly string _path = Path.GetTempFileName();

    [Fact]
    public async Task Ten_megabyte_image_is_streamed_with_bounded_allocation()
    {
        var bytes = new byte[TenMegabytes];
        new Random(10).NextBytes(bytes);
        await File.WriteAllBytesAsync(_path, bytes);
        const string placeholder = "__mc_media_00000000000000000000000000000000_0__";
        var json = JsonMediaContentTests.Json(placeholder);
        var encodedLength = (TenMegabytes + 2) / 3 * 4;

        foreach (var source in new[] { MediaSource.FromFile(_path), MediaSource.FromBytes(bytes) })
        {
            // Warm up the pools and the code paths, then measure a second send.
            await SendToNowhereAsync(json, placeholder, source);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var written = await SendToNowhereAsync(json, placeholder, source);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            output.WriteLine($"{source}: wrote {written:N0} bytes, allocated {allocated:N0} bytes ({100.0 * allocated / encodedLength:N2}% of the Base64)");
            Assert.True(written > encodedLength);
            Assert.True(allocated < encodedLength * 1.5, $"allocated {allocated:N0}");
            Assert.True(allocated < 1024 * 1024, $"allocated {allocated:N0}: the Base64 should go through pooled buffers");
        }
    }

    public void Dispose() => File.Delete(_path);

    private static async Task<long> SendToNowhereAsync(byte[] json, string placeholder, MediaSource source)
    {
        using var content = new JsonMediaContent(json, [new MediaPayload(placeholder, source, MediaTransport.RawBase64, "image/png")]);
        await using var sink = new CountingStream();
        await content.CopyToAsync(sink);
        Assert.Equal(content.Headers.ContentLength, sink.Count);
        return sink.Count;
    }

    /// <summary>A request stream that only counts.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
