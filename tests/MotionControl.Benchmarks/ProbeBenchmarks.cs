using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using MetadataExtractor.Formats.QuickTime;
using MotionControl.Media;

namespace MotionControl.Benchmarks;

/// <summary>
/// Probing a 100 MiB MP4 whose <c>moov</c> comes last: MediaProbe (header-only reads) against MetadataExtractor 2.4.3's
/// QuickTime reader on the same file. Bytes read are printed by <c>--scenario probe</c> (BDN has no column for them).
/// </summary>
[MemoryDiagnoser]
public class ProbeBenchmarks
{
    public const long FileBytes = 100L * 1024 * 1024;

    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Mp4Builder.BuildMoovLast(Path.Combine(BenchEnvironment.WorkDirectory, "moov-last-100mib.mp4"), FileBytes).Path;
        if (Sdk() <= 0 || MetadataExtractorReader() == 0)
        {
            throw new InvalidOperationException("a probe failed");
        }
    }

    [Benchmark(Baseline = true, Description = "MetadataExtractor QuickTimeMetadataReader")]
    public int MetadataExtractorReader()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return QuickTimeMetadataReader.ReadMetadata(stream).Count;
    }

    [Benchmark(Description = "SDK MediaProbe")]
    public long Sdk() => Probe(_path).GetAwaiter().GetResult().BytesRead;

    internal static Task<MediaProbeResult> Probe(string path) =>
        MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromFile(path), CancellationToken.None);
}

/// <summary>Builds large moov-at-end MP4s from the small fixture by growing its mdat (a sparse gap, so no disk is spent).</summary>
internal static class Mp4Builder
{
    /// <summary>Writes ftyp.. mdat(original data + zero gap) moov, <paramref name="totalBytes"/> long; chunk offsets stay valid.</summary>
    public static (string Path, long MoovBytes) BuildMoovLast(string path, long totalBytes)
    {
        var source = File.ReadAllBytes(BenchEnvironment.MoovLastFixture());
        var boxes = new List<(string Type, int Start, int Size)>();
        for (var at = 0; at + 8 <= source.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(source.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(source, at + 4, 4);
            if (size < 8 || at + size > source.Length)
            {
                throw new InvalidDataException($"unexpected box {type} of size {size} at {at} in the fixture");
            }

            boxes.Add((type, at, size));
            at += size;
        }

        var mdat = boxes.FindIndex(b => b.Type == "mdat");
        var moov = boxes.FindIndex(b => b.Type == "moov");
        if (mdat < 0 || moov != boxes.Count - 1 || moov < mdat)
        {
            throw new InvalidDataException("the fixture is not ftyp .. mdat .. moov");
        }

        var moovBytes = boxes[moov].Size;
        if (File.Exists(path) && new FileInfo(path).Length == totalBytes)
        {
            return (path, moovBytes);
        }

        var growth = totalBytes - source.Length;
        var newMdatSize = boxes[mdat].Size + growth;
        if (newMdatSize > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBytes), "a 32-bit mdat size is enough here");
        }

        var temporary = path + ".part";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            var beforeMoov = source.AsSpan(0, boxes[moov].Start).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(beforeMoov.AsSpan(boxes[mdat].Start), (uint)newMdatSize);
            file.Write(beforeMoov);
            file.Position = boxes[moov].Start + growth;   // the gap stays sparse (reads as zeros)
            file.Write(source, boxes[moov].Start, moovBytes);
        }

        File.Move(temporary, path, overwrite: true);
        return (path, moovBytes);
    }
}

/// <summary>Counts the bytes a reader pulls through a stream (for MetadataExtractor's bytes-read figure).</summary>
internal sealed class ReadCountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
