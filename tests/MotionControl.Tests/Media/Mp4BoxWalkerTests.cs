using System.Buffers.Binary;
using MotionControl.Media;
using static MotionControl.Tests.Media.Mp4Boxes;

namespace MotionControl.Tests.Media;

/// <summary>ISO-BMFF / QuickTime structures encoders rarely write, and the corruptions a reader must survive.</summary>
public class Mp4BoxWalkerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Reads_version_0_and_1_headers(int version)
    {
        var facts = await Probe(SimpleMovie(timescale: 90000, duration: 90000 * 8, width: 1280, height: 720, version: version));
        Assert.Null(facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(8), facts.Duration);
        Assert.Equal((1280, 720), (facts.Width, facts.Height));
        Assert.Equal("isom", facts.Brand);
    }

    [Theory]
    [InlineData(0, 1920, 1080)]
    [InlineData(90, 1080, 1920)]
    [InlineData(180, 1920, 1080)]
    [InlineData(270, 1080, 1920)]
    public async Task Rotation_matrix_gives_the_displayed_size(int rotation, int width, int height)
    {
        var facts = await Probe(SimpleMovie(width: 1920, height: 1080, rotation: rotation));
        Assert.Equal(rotation, facts.Rotation);
        Assert.Equal((width, height), (facts.Width, facts.Height));
    }

    [Theory]
    [InlineData(0, 0x10000, 90)]
    [InlineData(0, -0x10000, 270)]
    [InlineData(-0x10000, 0, 180)]
    [InlineData(0x10000, 0, 0)]
    [InlineData(0xB505, 0xB505, 0)]
    [InlineData(0x2000, 0xF000, 90)]
    public void Rotation_is_the_nearest_clockwise_quarter_turn(int a, int b, int expected) =>
        Assert.Equal(expected, Mp4BoxParsers.RotationOf(a, b));

    [Fact]
    public async Task Moov_after_mdat_is_found()
    {
        var movie = Concat(Ftyp(), Box("mdat", new byte[5000]), Box("moov", Mvhd(600, 600 * 12), Track("vide", 1, 640, 360, 600, 600 * 12)));
        var facts = await Probe(movie);
        Assert.Equal(TimeSpan.FromSeconds(12), facts.Duration);
    }

    [Fact]
    public async Task Sixty_four_bit_sizes_are_read()
    {
        var movie = Concat(Ftyp(), LargeBox("mdat", new byte[100]), LargeBox("moov", Mvhd(1000, 4000), Track("vide", 1, 640, 360, 1000, 4000)));
        var facts = await Probe(movie);
        Assert.Null(facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(4), facts.Duration);
    }

    [Fact]
    public async Task Size_zero_box_runs_to_the_end_of_the_file()
    {
        var movie = Concat(Ftyp(), Box("moov", Mvhd(1000, 4000), Track("vide", 1, 640, 360, 1000, 4000)), OpenEndedBox("mdat", new byte[3000]));
        var facts = await Probe(movie);
        Assert.Null(facts.Problem);
        Assert.Equal(movie.Length, facts.ByteSize);
        Assert.Equal(TimeSpan.FromSeconds(4), facts.Duration);
    }

    [Fact]
    public async Task Size_zero_child_runs_to_the_end_of_its_parent()
    {
        var trak = Track("vide", 1, 640, 360, 1000, 4000);
        BinaryPrimitives.WriteUInt32BigEndian(trak, 0);
        var movie = Concat(Ftyp(), Box("moov", Mvhd(1000, 4000), trak), Box("mdat", new byte[10]));
        var facts = await Probe(movie);
        Assert.Null(facts.Problem);
        Assert.Equal((640, 360), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Video_track_is_chosen_over_audio_and_disabled_tracks()
    {
        var movie = Concat(Ftyp(), Box("moov",
            Mvhd(1000, 5000),
            Track("soun", 1, 0, 0, 48000, 48000 * 5),
            Track("vide", 2, 320, 240, 1000, 5000, enabled: false),
            Track("vide", 3, 720, 1280, 1000, 5000)));
        var facts = await Probe(movie);
        Assert.Equal((720, 1280), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Zero_track_size_falls_back_to_the_sample_entry()
    {
        var movie = Concat(Ftyp(), Box("moov", Mvhd(1000, 5000), Track("vide", 1, 0, 0, 1000, 5000, codedWidth: 854, codedHeight: 480)));
        var facts = await Probe(movie);
        Assert.Equal((854, 480), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Fragmented_file_duration_comes_from_mehd()
    {
        var movie = Concat(Ftyp("iso5"), Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 12800, 0), Box("mvex", Mehd(7500), Trex(1, 512))));
        var facts = await Probe(movie);
        Assert.Equal(TimeSpan.FromSeconds(7.5), facts.Duration);
    }

    [Fact]
    public async Task Fragmented_file_duration_sums_trun_samples_and_defaults()
    {
        // Track time scale 1000: fragment 1 has 3 explicit samples (1000 ms), fragment 2 uses tfhd's default
        // (10 x 200 ms), fragment 3 the trex default (5 x 100 ms).
        var movie = Concat(
            Ftyp("iso5"),
            Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Trex(1, 100))),
            Moof(1, sampleDurations: [300, 300, 400]), Box("mdat", new byte[10]),
            Moof(1, sampleCount: 10, defaultDuration: 200), Box("mdat", new byte[10]),
            Moof(1, sampleCount: 5), Box("mdat", new byte[10]));
        var facts = await Probe(movie);
        Assert.Null(facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(3.5), facts.Duration);
    }

    [Fact]
    public async Task Fragment_decode_times_place_fragments_on_the_timeline()
    {
        var movie = Concat(
            Ftyp("iso5"),
            Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 90000, 0), Box("mvex", Trex(1, 3000))),
            Moof(1, sampleCount: 30, decodeTime: 0),
            Moof(1, sampleCount: 30, decodeTime: 90000 * 9));
        var facts = await Probe(movie);
        Assert.Equal(TimeSpan.FromSeconds(10), facts.Duration);
    }

    [Fact]
    public async Task Fragmented_file_falls_back_to_the_segment_index()
    {
        var movie = Concat(Ftyp("dash"), Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Trex(1, 0))), Sidx(1000, 2000, 2000, 1500));
        var facts = await Probe(movie);
        Assert.Equal(TimeSpan.FromSeconds(5.5), facts.Duration);
    }

    [Fact]
    public async Task Fragmented_file_without_fragments_is_a_problem()
    {
        var movie = Concat(Ftyp("iso5"), Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Trex(1, 0))));
        var facts = await Probe(movie);
        Assert.Contains("no movie fragments", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trun_claiming_more_samples_than_it_holds_is_a_problem()
    {
        var moof = Moof(1, sampleDurations: [100, 100]);
        var trunCount = moof.AsSpan().IndexOf("trun"u8) + 8;
        BinaryPrimitives.WriteUInt32BigEndian(moof.AsSpan(trunCount), 4_000_000);
        var movie = Concat(Ftyp("iso5"), Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Trex(1, 0))), moof);
        var facts = await Probe(movie);
        Assert.Contains("trun", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absurd_trun_sample_count_stops_at_the_bound()
    {
        var movie = Concat(Ftyp("iso5"), Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Trex(1, 1))), Moof(1, sampleCount: 0));
        var trunCount = movie.AsSpan().LastIndexOf("trun"u8) + 8;
        BinaryPrimitives.WriteUInt32BigEndian(movie.AsSpan(trunCount), uint.MaxValue);
        var facts = await Probe(movie);
        Assert.Contains("samples", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_moov_is_a_problem()
    {
        var facts = await Probe(Concat(Ftyp(), Box("mdat", new byte[100])));
        Assert.Equal(MediaFormat.Mp4, facts.Format);
        Assert.Contains("'moov'", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_video_track_is_a_problem()
    {
        var facts = await Probe(Concat(Ftyp("M4A "), Box("moov", Mvhd(1000, 5000), Track("soun", 1, 0, 0, 44100, 44100 * 5))));
        Assert.Contains("no video track", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compressed_movie_header_is_a_problem()
    {
        var facts = await Probe(Concat(Ftyp("qt  "), Box("moov", Box("cmov", new byte[40]))));
        Assert.Equal(MediaFormat.QuickTime, facts.Format);
        Assert.Contains("cmov", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_time_scale_is_a_problem()
    {
        var facts = await Probe(SimpleMovie(timescale: 0));
        Assert.Contains("time scale of 0", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_duration_is_a_problem()
    {
        var facts = await Probe(SimpleMovie(duration: uint.MaxValue));
        Assert.Contains("no duration", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Box_past_the_end_of_the_file_is_truncation()
    {
        var movie = Concat(SimpleMovie(), Header("mdat", 1_000_000));
        var facts = await Probe(movie);
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
        Assert.Contains("'mdat'", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Junk_after_a_complete_movie_is_ignored()
    {
        var movie = Concat(SimpleMovie(), Header("junk", 1_000_000), new byte[30]);
        var facts = await Probe(movie);
        Assert.Null(facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(5), facts.Duration);
    }

    [Fact]
    public async Task Open_ended_moov_on_a_stream_of_unknown_length_is_read()
    {
        var movie = Concat(Ftyp(), Box("mdat", new byte[100]), OpenEndedBox("moov", Mvhd(1000, 4000), Track("vide", 1, 640, 360, 1000, 4000)));
        using var stream = new ForwardOnlyStream(movie, 50);
        var facts = await MediaProbe.ProbeAsync(stream);
        Assert.Null(facts.Problem);
        Assert.Equal(TimeSpan.FromSeconds(4), facts.Duration);
    }

    [Fact]
    public async Task Mdat_cut_short_on_a_stream_of_unknown_length_is_truncation()
    {
        var movie = Concat(SimpleMovie(), Header("mdat", 1_000_000), new byte[300]);
        using var stream = new ForwardOnlyStream(movie, 100);
        var facts = await MediaProbe.ProbeAsync(stream);
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Child_past_the_end_of_its_parent_is_a_problem()
    {
        var trak = Track("vide", 1, 640, 360, 1000, 4000);
        BinaryPrimitives.WriteUInt32BigEndian(trak, (uint)trak.Length + 100);
        var facts = await Probe(Concat(Ftyp(), Box("moov", Mvhd(1000, 4000), trak), Box("mdat", new byte[200])));
        Assert.Contains("past the end of its parent 'moov'", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Box_smaller_than_its_header_is_a_problem()
    {
        var facts = await Probe(Concat(Ftyp(), Header("free", 4), new byte[20]));
        Assert.Contains("less than its own header", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impossible_64_bit_size_is_a_problem()
    {
        var facts = await Probe(Concat(Ftyp(), Header("mdat", 1), Mp4Boxes.U64(ulong.MaxValue)));
        Assert.Contains("64-bit", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thousands_of_empty_boxes_stop_at_the_box_bound()
    {
        var boxes = Enumerable.Range(0, 12_000).Select(_ => Header("free", 8)).ToArray();
        var facts = await Probe(Concat([Ftyp(), .. boxes]));
        Assert.Contains("more than 10,000 boxes", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absurdly_deep_nesting_costs_nothing()
    {
        var box = Box("mdia", Mdhd(1000, 1000));
        for (var i = 0; i < 2000; i++)
        {
            box = Box(i % 2 == 0 ? "trak" : "moov", box);
        }

        // 8 MiB of media after the nest: refusing at the depth limit must not read on through the file.
        var file = Concat(Ftyp(), box, Box("mdat", new byte[8 * 1024 * 1024]));
        var stream = new ReadCountingStream(new MemoryStream(file));

        var facts = await MediaProbe.ProbeAsync(MediaSource.FromStream(stream));

        // moov > trak > moov > ... is no box grammar the reader walks: it stops at the first level and says what is missing.
        Assert.NotNull(facts.Problem);
        Assert.Contains("'moov' box has no movie header", facts.Problem, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 256 * 1024, $"{stream.BytesRead:N0} of {file.Length:N0} bytes were read to refuse the nesting");
    }

    /// <summary>Counts the bytes a reader takes from the stream.</summary>
    private sealed class ReadCountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            BytesRead += read;
            return read;
        }
    }

    [Fact]
    public async Task Legacy_quicktime_without_ftyp_is_read()
    {
        var movie = Concat(Box("wide"), Box("mdat", new byte[50]), Box("moov", Mvhd(600, 1800), Track("vide", 1, 480, 360, 600, 1800)));
        var facts = await Probe(movie);
        Assert.Equal(MediaFormat.QuickTime, facts.Format);
        Assert.Null(facts.Brand);
        Assert.Equal(TimeSpan.FromSeconds(3), facts.Duration);
    }

    private static Task<MediaFacts> Probe(byte[] bytes) => MediaProbe.ProbeAsync(MediaSource.FromBytes(bytes));
}
