using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>JPEG frame headers behind every kind of segment, fill bytes and corruption.</summary>
public class JpegHeaderReaderTests
{
    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xC3)]
    [InlineData(0xC9)]
    [InlineData(0xCA)]
    [InlineData(0xCF)]
    public async Task Every_frame_type_gives_the_size(int sof)
    {
        var facts = await Probe(Soi(), App(0xE0, 14), Segment(sof, Sof(1024, 768)), Eoi());
        Assert.Null(facts.Problem);
        Assert.Equal((1024, 768), (facts.Width, facts.Height));
    }

    [Theory]
    [InlineData(0xC4)]
    [InlineData(0xC8)]
    [InlineData(0xCC)]
    public async Task Markers_sharing_the_frame_range_are_not_frames(int marker)
    {
        var facts = await Probe(Soi(), Segment(marker, new byte[20]), Segment(0xC0, Sof(640, 480)), Eoi());
        Assert.Equal((640, 480), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Large_app_segments_and_comments_are_skipped_without_reading_them()
    {
        var exif = App(0xE1, 65533);
        var icc = App(0xE2, 60000);
        var facts = await Probe(Soi(), exif, icc, Segment(0xFE, new byte[300]), Segment(0xDB, new byte[67]), Segment(0xC2, Sof(4000, 3000)), Eoi());
        Assert.Equal((4000, 3000), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Fill_bytes_and_stray_bytes_between_segments_are_tolerated()
    {
        byte[] fill = [0xFF, 0xFF, 0xFF, 0xFF];
        byte[] stray = [0x00, 0x12, 0x34];
        var facts = await Probe(Soi(), App(0xE0, 14), stray, fill, Segment(0xC0, Sof(300, 400)), Eoi());
        Assert.Equal((300, 400), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Image_data_before_any_frame_header_is_a_problem()
    {
        var facts = await Probe(Soi(), App(0xE0, 14), Segment(0xDA, new byte[10]), Eoi());
        Assert.Contains("SOS", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_of_image_without_frame_header_is_a_problem()
    {
        var facts = await Probe(Soi(), App(0xE0, 14), Eoi());
        Assert.Contains("EOI", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Height_left_to_a_DNL_marker_is_a_problem()
    {
        var facts = await Probe(Soi(), Segment(0xC0, Sof(640, 0)), Eoi());
        Assert.Contains("DNL", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_inside_a_segment_is_a_problem()
    {
        var bytes = Mp4Boxes.Concat(Soi(), App(0xE0, 14), Segment(0xC0, Sof(640, 480)));
        var facts = await MediaProbe.ProbeAsync(MediaSource.FromBytes(bytes.AsMemory(0, bytes.Length - 12)));
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_length_below_two_is_a_problem()
    {
        var facts = await Probe(Soi(), [0xFF, 0xE0, 0x00, 0x01], Segment(0xC0, Sof(640, 480)));
        Assert.Contains("impossible length", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endless_padding_stops_at_the_bound()
    {
        var padding = new byte[200_000];
        var facts = await Probe(Soi(), App(0xE0, 14), padding, Segment(0xC0, Sof(640, 480)));
        Assert.Contains("padding", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endless_small_segments_stop_at_the_bound()
    {
        var segments = Enumerable.Range(0, 5000).Select(_ => Segment(0xFE, [1])).ToArray();
        var facts = await Probe([Soi(), .. segments, Segment(0xC0, Sof(640, 480))]);
        Assert.Contains("segments", facts.Problem, StringComparison.Ordinal);
    }

    private static Task<MediaFacts> Probe(params byte[][] parts) => MediaProbe.ProbeAsync(MediaSource.FromBytes(Mp4Boxes.Concat(parts)));

    private static byte[] Soi() => [0xFF, 0xD8];

    private static byte[] Eoi() => [0xFF, 0xD9];

    private static byte[] App(int marker, int length) => Segment(marker, new byte[length]);

    private static byte[] Segment(int marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return Mp4Boxes.Concat([0xFF, (byte)marker, (byte)(length >> 8), (byte)length], payload);
    }

    private static byte[] Sof(int width, int height) =>
        [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
}
