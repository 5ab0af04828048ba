using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>What the probe says for each kind of source, including the ones that cannot be read.</summary>
public class MediaProbeSourceTests
{
    [Fact]
    public async Task Remote_media_is_not_probed()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromUri("https://example.com/dance.mp4?X-Amz-Signature=secret"));
        Assert.Equal(MediaFormat.Unknown, facts.Format);
        Assert.Null(facts.Problem);
        Assert.DoesNotContain("secret", facts.SourceName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_a_problem_naming_it()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromFile(Path.Combine(Path.GetTempPath(), "no-such-dir", "dance.mp4")));
        Assert.Equal("file not found: dance.mp4", facts.Problem);
        Assert.Equal("dance.mp4", facts.SourceName);
    }

    [Fact]
    public async Task Empty_file_is_a_problem()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBytes(Array.Empty<byte>(), "empty.png"));
        Assert.Equal(0, facts.ByteSize);
        Assert.Contains("empty", facts.Problem, StringComparison.Ordinal);
        Assert.Equal("empty.png", facts.SourceName);
    }

    [Fact]
    public async Task Unrecognised_content_has_an_unknown_format_and_no_problem()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBytes("%PDF-1.7 not a picture"u8.ToArray()));
        Assert.Equal(MediaFormat.Unknown, facts.Format);
        Assert.Null(facts.Problem);
        Assert.Equal(22, facts.ByteSize);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("QUJD-_")]
    [InlineData("QUJDRA")]
    public async Task Invalid_base64_is_a_problem(string text)
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBase64(text));
        Assert.Contains("Base64", facts.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:image/png,%89PNG")]
    [InlineData("data:image/png;base64")]
    public async Task Data_uri_that_is_not_base64_is_a_problem(string text)
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBase64(text));
        Assert.Contains("data URI", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base64_byte_size_is_the_decoded_length()
    {
        var bytes = MediaFixtures.Bytes("image.png");
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBase64("data:image/png;base64," + Convert.ToBase64String(bytes)));
        Assert.Equal(bytes.Length, facts.ByteSize);
    }

    [Fact]
    public async Task Base64_video_is_probed_without_decoding_its_media_data()
    {
        // moov after a 3 MB mdat: the probe decodes the head and the moov only.
        var movie = Mp4Boxes.Concat(Mp4Boxes.Ftyp(), Mp4Boxes.Box("mdat", new byte[3_000_000]), Mp4Boxes.Box("moov", Mp4Boxes.Mvhd(1000, 6000), Mp4Boxes.Track("vide", 1, 720, 1280, 1000, 6000)));
        var result = await MediaProbe.ProbeWithStatisticsAsync(MediaSource.FromBase64(Convert.ToBase64String(movie)), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(6), result.Facts.Duration);
        Assert.InRange(result.BytesRead, 1, 64 * 1024);
    }

    [Fact]
    public async Task Public_stream_probe_puts_a_seekable_stream_back()
    {
        using var stream = new MemoryStream(Mp4Boxes.Concat(new byte[5], MediaFixtures.Bytes("moov_last.mp4"))) { Position = 5 };
        var facts = await MediaProbe.ProbeAsync(stream, "clip.mp4");
        Assert.Equal(MediaFormat.Mp4, facts.Format);
        Assert.Equal("clip.mp4", facts.SourceName);
        Assert.Equal(5, stream.Position);
    }

    [Fact]
    public async Task Non_seekable_stream_is_copied_once_and_the_copy_is_deleted_on_release()
    {
        var bytes = MediaFixtures.Bytes("duration_12s.mp4");
        var stream = new ForwardOnlyStream(bytes, maxPerRead: 512);
        var source = (StreamMediaSource)MediaSource.FromStream(stream, "clip.mp4");

        var first = await MediaProbe.ProbeAsync(source);
        var second = await MediaProbe.ProbeAsync(source);

        Assert.Equal(first, second);
        Assert.Equal(bytes.Length, first.ByteSize);
        var spool = source.Spool!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.False(File.Exists(spool.FilePath), "on Unix the copy has no name at all");
        }

        await using (var copy = spool.OpenRead())
        {
            using var read = new MemoryStream();
            await copy.CopyToAsync(read);
            Assert.Equal(bytes, read.ToArray());
        }

        source.ReleaseSpool();
        Assert.Null(source.Spool);
        Assert.False(File.Exists(spool.FilePath));
        await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetSpoolAsync(CancellationToken.None));
        Assert.False(stream.WasDisposed);
    }

    [Fact]
    public async Task Spool_stops_copying_at_its_limit()
    {
        using var spool = await MediaSpool.CreateAsync(new ForwardOnlyStream(new byte[100_000]), limit: 50_000, CancellationToken.None);
        Assert.True(spool.Overflowed);
        Assert.True(spool.Length <= 50_000);
    }

    [Fact]
    public async Task Cancellation_propagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf("moov_last.mp4")), cancelled.Token));
    }

    [Fact]
    public void Source_names_are_file_names()
    {
        Assert.Equal("dance.mp4", MediaProbe.SourceNameOf(MediaSource.FromFile("/videos/dance.mp4")));
        Assert.Equal("photo.png", MediaProbe.SourceNameOf(MediaSource.FromBytes(new byte[3], "uploads/photo.png")));
        Assert.Equal("3 bytes", MediaProbe.SourceNameOf(MediaSource.FromBytes(new byte[3])));
        Assert.Equal("stream", MediaProbe.SourceNameOf(MediaSource.FromStream(new MemoryStream())));
    }
}
