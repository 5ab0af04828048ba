using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>
/// The probe against real encoder output: every fixture's facts equal what ffprobe recorded in Fixtures/expected.json
/// (format from the bytes, duration to ±0.05 s, displayed size after rotation), whichever way the content is handed over.
/// </summary>
public class MediaProbeFixtureTests
{
    private const double DurationTolerance = 0.05;

    public static TheoryData<string> Fixtures() => MediaFixtures.Files();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task File_facts_match_ffprobe(string file)
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf(file)));
        AssertMatches(MediaFixtures.Get(file), facts);
        Assert.Equal(file, facts.SourceName);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Bytes_facts_match_ffprobe(string file)
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBytes(MediaFixtures.Bytes(file)));
        AssertMatches(MediaFixtures.Get(file), facts);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Seekable_stream_is_read_from_where_the_caller_left_it(string file)
    {
        // The caller's stream starts with 100 bytes of something else and stands at the media's first byte.
        var content = Mp4Boxes.Concat(new byte[100], MediaFixtures.Bytes(file));
        using var stream = new MemoryStream(content) { Position = 100 };
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromStream(stream, file));
        AssertMatches(MediaFixtures.Get(file), facts);
        Assert.True(stream.CanRead, "the caller's stream must not be disposed");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Non_seekable_stream_is_probed_through_its_copy(string file)
    {
        using var stream = new ForwardOnlyStream(MediaFixtures.Bytes(file), maxPerRead: 1000);
        var source = (StreamMediaSource)MediaSource.FromStream(stream, file);
        try
        {
            var facts = await MediaProbe.ProbeAsync(source);
            AssertMatches(MediaFixtures.Get(file), facts);
            Assert.False(stream.WasDisposed);
        }
        finally
        {
            source.ReleaseSpool();
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Public_stream_probe_reads_a_non_seekable_stream_forward(string file)
    {
        using var stream = new ForwardOnlyStream(MediaFixtures.Bytes(file), maxPerRead: 777);
        var facts = await MediaProbe.ProbeAsync(stream, file);
        AssertMatches(MediaFixtures.Get(file), facts, sizeKnown: false);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Base64_text_raw_data_uri_and_wrapped_lines_give_the_same_facts(string file)
    {
        var bytes = MediaFixtures.Bytes(file);
        var raw = Convert.ToBase64String(bytes);
        var expected = MediaFixtures.Get(file);

        AssertMatches(expected, await MediaProbe.ProbeAsync(MediaSource.FromBase64(raw)));
        AssertMatches(expected, await MediaProbe.ProbeAsync(MediaSource.FromBase64("data:application/octet-stream;base64," + raw)));
        AssertMatches(expected, await MediaProbe.ProbeAsync(MediaSource.FromBase64(Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks))));
    }

    [Fact]
    public async Task Truncated_download_reports_a_problem_naming_it()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf("truncated.mp4")));
        Assert.Equal(MediaFormat.Mp4, facts.Format);
        Assert.NotNull(facts.Problem);
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
        Assert.Contains("mdat", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cut_inside_the_moov_box_reports_a_problem()
    {
        var bytes = MediaFixtures.Bytes("moov_first.mp4");
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBytes(bytes.AsMemory(0, 200)));
        Assert.NotNull(facts.Problem);
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phone_portrait_clip_is_reported_as_displayed()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf("rotated_portrait.mov")));
        Assert.Equal(MediaFormat.QuickTime, facts.Format);
        Assert.Equal("qt  ", facts.Brand);
        Assert.Equal(90, facts.Rotation);
        Assert.Equal((1080, 1920), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Png_named_jpg_is_a_png()
    {
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf("png_named.jpg")));
        Assert.Equal(MediaFormat.Png, facts.Format);
        Assert.Equal((400, 600), (facts.Width, facts.Height));
    }

    internal static void AssertMatches(MediaFixture expected, MediaFacts facts, bool sizeKnown = true)
    {
        Assert.Null(facts.Problem);
        Assert.Equal(expected.Format, facts.Format);
        if (sizeKnown)
        {
            Assert.Equal(expected.Size, facts.ByteSize);
        }

        if (expected.IsVideo)
        {
            Assert.Equal(expected.DisplayWidth, facts.Width);
            Assert.Equal(expected.DisplayHeight, facts.Height);
            Assert.Equal(expected.Rotation, facts.Rotation);
            Assert.NotNull(facts.Duration);
            Assert.InRange(facts.Duration.Value.TotalSeconds, expected.Duration!.Value - DurationTolerance, expected.Duration.Value + DurationTolerance);
        }
        else if (expected.IsImage)
        {
            Assert.Equal(expected.Width, facts.Width);
            Assert.Equal(expected.Height, facts.Height);
            Assert.Null(facts.Duration);
        }
        else
        {
            // Refused formats are named, not measured.
            Assert.Null(facts.Width);
            Assert.Null(facts.Duration);
        }
    }
}
