using MotionControl.Media;
using Xunit.Abstractions;

namespace MotionControl.Tests.Media;

/// <summary>
/// "Headers only", measured: a 100 MB file whose moov comes after its mdat is probed by reading little more than the
/// moov. The file is sparse (its mdat is a hole), so the test costs no disk and no time.
/// </summary>
public sealed class MediaProbeBytesReadTests(ITestOutputHelper output) : IDisposable
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("mc-probe-").FullName;

    [Fact]
    public async Task Moov_at_the_end_of_100_MB_costs_the_moov_plus_64_KiB_at_most()
    {
        var moov = MoovOf(MediaFixtures.Bytes("duration_12s.mp4"));
        var path = await WriteSparseMovieAsync("moov-last.mp4", moovFirst: false, moov);

        var result = await MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromFile(path), CancellationToken.None);

        output.WriteLine($"file {new FileInfo(path).Length:N0} bytes, moov {moov.Length:N0} bytes, read {result.BytesRead:N0} bytes");
        Assert.Null(result.Facts.Problem);
        Assert.Equal(new FileInfo(path).Length, result.Facts.ByteSize);
        Assert.InRange(result.Facts.Duration!.Value.TotalSeconds, 11.95, 12.05);
        Assert.InRange(result.BytesRead, 1, moov.Length + (64 * 1024));
    }

    [Fact]
    public async Task Sample_tables_inside_the_moov_are_stepped_over()
    {
        // A long clip's moov is mostly sample tables (stsz, stco, stts); the probe reads only the boxes on its path.
        var sampleSizes = Mp4Boxes.Box("stsz", new byte[4 * 1024 * 1024]);
        var moov = Mp4Boxes.Box("moov",
            Mp4Boxes.Mvhd(1000, 25_000),
            Mp4Boxes.Box("trak",
                Mp4Boxes.Tkhd(1, 1080, 1920),
                Mp4Boxes.Box("mdia", Mp4Boxes.Mdhd(30000, 750_000), Mp4Boxes.Hdlr("vide"),
                    Mp4Boxes.Box("minf", Mp4Boxes.Box("stbl", Mp4Boxes.Stsd(1080, 1920), sampleSizes)))));
        var path = await WriteSparseMovieAsync("big-moov-last.mp4", moovFirst: false, moov);

        var result = await MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromFile(path), CancellationToken.None);

        output.WriteLine($"moov {moov.Length:N0} bytes (4 MiB of sample sizes), read {result.BytesRead:N0} bytes");
        Assert.Null(result.Facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(25), result.Facts.Duration);
        Assert.InRange(result.BytesRead, 1, 64 * 1024);
    }

    [Fact]
    public async Task Moov_first_in_100_MB_reads_only_the_start()
    {
        var moov = MoovOf(MediaFixtures.Bytes("duration_12s.mp4"));
        var path = await WriteSparseMovieAsync("moov-first.mp4", moovFirst: true, moov);

        var result = await MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromFile(path), CancellationToken.None);

        output.WriteLine($"moov first: read {result.BytesRead:N0} bytes");
        Assert.Null(result.Facts.Problem);
        Assert.InRange(result.BytesRead, 1, moov.Length + (64 * 1024));
    }

    [Fact]
    public async Task Reading_stays_within_the_moov_for_every_real_fixture()
    {
        foreach (var fixture in MediaFixtures.All.Where(f => f.IsVideo))
        {
            var bytes = MediaFixtures.Bytes(fixture.File);
            var result = await MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromBytes(bytes), CancellationToken.None);
            Assert.Null(result.Facts.Problem);
            Assert.True(result.BytesRead <= bytes.Length, fixture.File);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The real moov box of an encoder's file (its sample offsets then point nowhere, which the probe never follows).</summary>
    private static byte[] MoovOf(byte[] file)
    {
        var position = 0;
        while (position + 8 <= file.Length)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
            if (file.AsSpan(position + 4, 4).SequenceEqual("moov"u8))
            {
                return file.AsSpan(position, size).ToArray();
            }

            position += size;
        }

        throw new InvalidOperationException("no moov");
    }

    private async Task<string> WriteSparseMovieAsync(string name, bool moovFirst, byte[] moov)
    {
        var path = Path.Combine(_directory, name);
        var ftyp = Mp4Boxes.Ftyp("isom", "isom", "iso2", "avc1", "mp41");
        var mdatHeader = Mp4Boxes.Header("mdat", (uint)HundredMegabytes);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await file.WriteAsync(ftyp);
        if (moovFirst)
        {
            await file.WriteAsync(moov);
        }

        await file.WriteAsync(mdatHeader);

        // Leave the mdat's content as a hole: extending the length allocates no blocks.
        file.SetLength(file.Position + HundredMegabytes - 8);
        file.Position = file.Length;
        if (!moovFirst)
        {
            await file.WriteAsync(moov);
        }

        return path;
    }
}
