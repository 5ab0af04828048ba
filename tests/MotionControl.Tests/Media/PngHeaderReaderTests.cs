using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>PNG sizes come from IHDR, which must be the first chunk and well-formed.</summary>
public class PngHeaderReaderTests
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Reads_the_size_from_IHDR()
    {
        var facts = await Probe(Signature, Chunk("IHDR", Ihdr(1920, 1080)), Chunk("IEND", []));
        Assert.Null(facts.Problem);
        Assert.Equal((1920, 1080), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Apple_CgBI_chunk_before_IHDR_is_stepped_over()
    {
        var facts = await Probe(Signature, Chunk("CgBI", new byte[4]), Chunk("IHDR", Ihdr(640, 960)));
        Assert.Equal((640, 960), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Another_first_chunk_is_a_problem()
    {
        var facts = await Probe(Signature, Chunk("tEXt", new byte[13]));
        Assert.Contains("IHDR", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_IHDR_length_is_a_problem()
    {
        var facts = await Probe(Signature, Chunk("IHDR", new byte[12]), new byte[8]);
        Assert.Contains("13", facts.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u, 100u)]
    [InlineData(100u, 0u)]
    [InlineData(0x80000000u, 100u)]
    public async Task Impossible_size_is_a_problem(uint width, uint height)
    {
        var facts = await Probe(Signature, Chunk("IHDR", Ihdr(width, height)));
        Assert.Contains("impossible size", facts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_header_is_a_problem()
    {
        var facts = await Probe(Signature, Mp4Boxes.U32(13), "IHDR"u8.ToArray(), Mp4Boxes.U32(100));
        Assert.Contains("truncated", facts.Problem, StringComparison.Ordinal);
    }

    private static Task<MediaFacts> Probe(params byte[][] parts) => MediaProbe.ProbeAsync(MediaSource.FromBytes(Mp4Boxes.Concat(parts)));

    private static byte[] Chunk(string type, byte[] data) =>
        Mp4Boxes.Concat(Mp4Boxes.U32((uint)data.Length), System.Text.Encoding.ASCII.GetBytes(type), data, new byte[4]);

    private static byte[] Ihdr(uint width, uint height) => Mp4Boxes.Concat(Mp4Boxes.U32(width), Mp4Boxes.U32(height), [8, 6, 0, 0, 0]);
}
