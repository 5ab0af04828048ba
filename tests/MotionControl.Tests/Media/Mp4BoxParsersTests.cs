using System.Buffers.Binary;
using MotionControl.Media;
using static MotionControl.Tests.Media.Mp4Boxes;

namespace MotionControl.Tests.Media;

/// <summary>Each box parser from the bytes of one box (built by <see cref="Mp4Boxes"/>), without a file or a walker.</summary>
public class Mp4BoxParsersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Mvhd_gives_the_movie_clock_of_either_version(int version)
    {
        var (header, content) = Split(Mvhd(90_000, 90_000UL * 12, version));
        Assert.Equal(new Mp4Clock(90_000, 90_000UL * 12), Mp4BoxParsers.Mvhd(header, content));
    }

    [Fact]
    public void Mvhd_version_0_all_ones_is_an_unknown_duration()
    {
        var (header, content) = Split(Mvhd(600, uint.MaxValue));
        Assert.Equal(ulong.MaxValue, Mp4BoxParsers.Mvhd(header, content).Duration);
    }

    [Fact]
    public void Mvhd_version_1_shorter_than_its_fields_names_the_box()
    {
        var (header, content) = Split(Box("mvhd", [1, 0, 0, 0], new byte[20]));
        var error = Assert.Throws<MediaProblemException>(() => Mp4BoxParsers.Mvhd(header, content));
        Assert.Equal("box 'mvhd' at byte 0 is too short (24 bytes) for its version", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Mdhd_gives_the_track_clock_and_treats_all_ones_as_zero(int version)
    {
        var (header, content) = Split(Mdhd(25, 250, version));
        Assert.Equal(new Mp4Clock(25, 250), Mp4BoxParsers.Mdhd(header, content));

        var (unknownHeader, unknown) = Split(Mdhd(25, uint.MaxValue));
        Assert.Equal(0UL, Mp4BoxParsers.Mdhd(unknownHeader, unknown).Duration);
    }

    [Theory]
    [InlineData(0, 4_000_000UL)]
    [InlineData(1, 5_000_000_000UL)]
    public void Mehd_gives_the_fragmented_movie_duration(int version, ulong duration)
    {
        var (_, content) = Split(Mehd(duration, version));
        Assert.Equal(duration, Mp4BoxParsers.Mehd(content));
    }

    [Fact]
    public void Trex_gives_the_track_and_its_default_sample_duration()
    {
        var (_, content) = Split(Trex(7, 512));
        Assert.Equal((7u, 512u), Mp4BoxParsers.Trex(content));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 90, true)]
    [InlineData(0, 270, false)]
    [InlineData(1, 180, false)]
    public void Tkhd_gives_enabled_id_rotation_and_fixed_size(int version, int rotation, bool enabled)
    {
        var (header, content) = Split(Tkhd(3, 1920, 1080.5, rotation, version, enabled));
        Assert.Equal(new Mp4TrackHeader(enabled, 3, rotation, 1920u << 16, (uint)(1080.5 * 65536)), Mp4BoxParsers.Tkhd(header, content));
    }

    [Fact]
    public void Tkhd_version_1_shorter_than_its_fields_names_the_box()
    {
        var (header, content) = Split(Box("tkhd", [1, 0, 0, 1], new byte[86]));
        var error = Assert.Throws<MediaProblemException>(() => Mp4BoxParsers.Tkhd(header, content));
        Assert.Equal("box 'tkhd' at byte 0 is too short (90 bytes) for its version", error.Message);
    }

    [Fact]
    public void Hdlr_gives_the_handler_type()
    {
        var (_, content) = Split(Hdlr("vide"));
        Assert.Equal(Mp4BoxHeader.Vide, Mp4BoxParsers.Hdlr(content));
    }

    [Fact]
    public void Stsd_gives_the_first_entry_coded_size_or_nothing_without_an_entry()
    {
        var (_, content) = Split(Stsd(1280, 720));
        Assert.Equal((1280, 720), Mp4BoxParsers.Stsd(content));

        var (_, empty) = Split(Box("stsd", [0, 0, 0, 0], U32(0), new byte[40]));
        Assert.Null(Mp4BoxParsers.Stsd(empty));
    }

    [Fact]
    public void Tfhd_skips_the_optional_fields_before_the_default_duration()
    {
        // Flags 0x0B: base-data-offset (8 bytes) and sample-description-index (4) come before the default duration.
        var (header, content) = Split(Box("tfhd", [0, 0, 0, 0x0B], U32(2), U64(99), U32(1), U32(1001)));
        Assert.Equal(new Mp4FragmentHeader(2, 1001), Mp4BoxParsers.Tfhd(header, content));

        var (plainHeader, plain) = Split(Box("tfhd", [0, 0x02, 0, 0], U32(5)));
        Assert.Equal(new Mp4FragmentHeader(5, null), Mp4BoxParsers.Tfhd(plainHeader, plain));
    }

    [Fact]
    public void Tfhd_whose_flags_promise_a_duration_it_lacks_names_the_box()
    {
        var (header, content) = Split(Box("tfhd", [0, 0, 0, 0x09], U32(2), U64(99)));
        var error = Assert.Throws<MediaProblemException>(() => Mp4BoxParsers.Tfhd(header, content));
        Assert.Contains("box 'tfhd' at byte 0 is too short", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 90_000UL)]
    [InlineData(1, 9_000_000_000UL)]
    public void Tfdt_gives_the_decode_time(int version, ulong time)
    {
        var (_, content) = Split(version == 1 ? Box("tfdt", [1, 0, 0, 0], U64(time)) : Box("tfdt", [0, 0, 0, 0], U32((uint)time)));
        Assert.Equal(time, Mp4BoxParsers.Tfdt(content));
    }

    [Fact]
    public void Trun_gives_the_count_and_the_table_layout()
    {
        // Flags 0x000301: data offset (4 bytes before the table); entries of duration + size (8 bytes).
        var (_, content) = Split(Box("trun", [0, 0, 0x03, 0x01], U32(3), I32(0), U32(10), U32(100), U32(20), U32(100), U32(30), U32(100)));
        var run = Mp4BoxParsers.Trun(content);
        Assert.Equal(new Mp4TrackRun(3, 12, 8, true), run);
        Assert.Equal(20u, Mp4BoxParsers.TrunSampleDuration(content.AsSpan(run.FixedLength + run.EntryLength)));

        // Flags 0x000205 (data offset, first-sample flags, sizes only): no durations, 4-byte entries after 16 bytes.
        var (_, sizesOnly) = Split(Box("trun", [0, 0, 0x02, 0x05], U32(4), I32(0), U32(0), new byte[16]));
        Assert.Equal(new Mp4TrackRun(4, 16, 4, false), Mp4BoxParsers.Trun(sizesOnly));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Sidx_gives_the_time_scale_count_and_where_the_references_start(int version)
    {
        var bytes = version == 0
            ? Sidx(1000, 400, 600)
            : Box("sidx", [1, 0, 0, 0], U32(1), U32(1000), U64(0), U64(0), U16(0), U16(2), U32(1), U32(400), U32(0), U32(1), U32(600), U32(0));
        var (header, content) = Split(bytes);
        var index = Mp4BoxParsers.Sidx(header, content);
        Assert.Equal(new Mp4SegmentIndex(1000, 2, version == 0 ? 24 : 32), index);
        Assert.Equal(600u, Mp4BoxParsers.SidxReferenceDuration(content.AsSpan(index.EntriesOffset + Mp4BoxParsers.SidxReferenceLength)));
    }

    [Fact]
    public void Rotation_of_a_phone_portrait_matrix_is_a_clockwise_quarter_turn() =>
        Assert.Equal(90, Mp4BoxParsers.RotationOf(0, 0x10000));

    /// <summary>A box's header (at byte 0) and its content.</summary>
    private static (Mp4BoxHeader Header, byte[] Content) Split(byte[] box)
    {
        var size = BinaryPrimitives.ReadUInt32BigEndian(box);
        var type = BinaryPrimitives.ReadUInt32BigEndian(box.AsSpan(4));
        Assert.Equal((uint)box.Length, size);
        return (new Mp4BoxHeader(type, 0, size, 8), box[8..]);
    }
}
