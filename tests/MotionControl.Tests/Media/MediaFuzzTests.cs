using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using MotionControl.Media;
using Xunit.Abstractions;
using static MotionControl.Tests.Media.Mp4Boxes;

namespace MotionControl.Tests.Media;

/// <summary>
/// Mutated and truncated headers (bit flips, cuts, corrupted size and count fields, splices) of the real fixtures and of
/// synthetic box trees with absurd sizes, depth and zero sizes: every one ends in facts or a problem, never in an
/// exception, and quickly. Seeded, so a failure names an input that can be replayed.
/// </summary>
public class MediaFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 12_000;
    private const int Seed = 20_260_607;

    private static readonly string[] BoxTypes =
    [
        "ftyp", "moov", "mvhd", "trak", "tkhd", "mdia", "mdhd", "hdlr", "minf", "stbl", "stsd", "mvex", "mehd", "trex",
        "moof", "traf", "tfhd", "tfdt", "trun", "sidx", "mdat", "free", "wide", "udta", "edts", "avc1", "mfra",
    ];

    private static readonly HashSet<uint> BoxTypeCodes =
        BoxTypes.Select(t => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(t))).ToHashSet();

    [Fact]
    public async Task Mutated_headers_never_throw_and_finish_in_bounded_time()
    {
        var seeds = Seeds();
        var boxStarts = seeds.ToDictionary(s => s.Name, s => BoxStarts(s.Bytes));
        var random = new Random(Seed);
        var slowest = TimeSpan.Zero;
        var withProblem = 0;
        var probing = TimeSpan.Zero;
        var mutatingTime = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Inputs; i++)
        {
            var (name, original) = seeds[random.Next(seeds.Count)];
            var mutating = Stopwatch.StartNew();
            var (input, mutation) = Mutate(original, boxStarts[name], random);
            mutatingTime += mutating.Elapsed;
            var forwardOnly = i % 8 == 0;
            var watch = Stopwatch.StartNew();
            MediaProbeResult result;
            try
            {
                Stream stream = forwardOnly ? new ForwardOnlyStream(input, maxPerRead: 1 + random.Next(5000)) : new MemoryStream(input, writable: false);
                await using (stream)
                {
                    result = await MediaProbe.ProbeStreamAsync(stream, name, CancellationToken.None);
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"input #{i} ({name}, {mutation}, {input.Length} bytes, forward-only {forwardOnly}) threw {ex}");
                return;
            }

            watch.Stop();
            probing += watch.Elapsed;
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            var facts = result.Facts;
            if (facts.Problem is not null)
            {
                withProblem++;
            }
            else if (facts.IsSupportedVideo)
            {
                Assert.True(facts.Width > 0 && facts.Height > 0 && facts.Duration is not null, $"input #{i} ({name}, {mutation}) gave partial video facts without a problem");
            }
            else if (facts.IsSupportedImage)
            {
                Assert.True(facts.Width > 0 && facts.Height > 0, $"input #{i} ({name}, {mutation}) gave partial image facts without a problem");
            }

            Assert.True(result.BytesRead <= input.Length, $"input #{i} read more than it holds");
        }

        total.Stop();
        output.WriteLine($"{Inputs:N0} inputs in {total.Elapsed.TotalMilliseconds:N0} ms ({probing.TotalMilliseconds:N0} ms probing, {mutatingTime.TotalMilliseconds:N0} ms mutating), slowest {slowest.TotalMilliseconds:N1} ms, {withProblem:N0} with a problem");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest input took {slowest}");
        Assert.True(withProblem > Inputs / 10, "the mutations should break a good share of the inputs");
    }

    [Fact]
    public async Task Random_bytes_behind_every_magic_number_never_throw()
    {
        byte[][] magics =
        [
            [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Ftyp("isom"), Ftyp("qt  "),
            Header("moov", 0), Header("mdat", 1), Header("wide", 8),
        ];
        var random = new Random(Seed + 1);
        for (var i = 0; i < 2_000; i++)
        {
            var tail = new byte[random.Next(0, 3000)];
            random.NextBytes(tail);
            var input = Concat(magics[i % magics.Length], tail);
            var result = await MediaProbe.ProbeStreamAsync(new MemoryStream(input), "random", CancellationToken.None);
            Assert.NotEqual(MediaFormat.Unknown, result.Facts.Format);
        }
    }

    internal static List<(string Name, byte[] Bytes)> Seeds()
    {
        var seeds = MediaFixtures.All.Select(f => (f.File, MediaFixtures.Bytes(f.File))).ToList();
        seeds.Add(("truncated.mp4", MediaFixtures.Bytes("truncated.mp4")));
        seeds.Add(("synthetic v0", SimpleMovie()));
        seeds.Add(("synthetic v1 rotated", SimpleMovie(version: 1, rotation: 90)));
        seeds.Add(("synthetic 64-bit", Concat(Ftyp(), LargeBox("mdat", new byte[64]), LargeBox("moov", Mvhd(1000, 4000), Track("vide", 1, 640, 360, 1000, 4000)))));
        seeds.Add(("synthetic open-ended", Concat(Ftyp(), Box("moov", Mvhd(1000, 4000), Track("vide", 1, 640, 360, 1000, 4000)), OpenEndedBox("mdat", new byte[64]))));
        seeds.Add(("synthetic fragments", Concat(
            Ftyp("iso5"),
            Box("moov", Mvhd(1000, 0), Track("vide", 1, 640, 360, 1000, 0), Box("mvex", Mehd(0), Trex(1, 100))),
            Moof(1, sampleDurations: [300, 300, 400], decodeTime: 0), Box("mdat", new byte[10]),
            Moof(1, sampleCount: 10, defaultDuration: 200), Box("mdat", new byte[10]),
            Sidx(1000, 2000, 2000))));
        seeds.Add(("synthetic deep", Nest(300)));
        seeds.Add(("synthetic many empty boxes", Concat([Ftyp(), .. Enumerable.Range(0, 3000).Select(_ => Header("free", 8))])));
        seeds.Add(("synthetic zero sizes", Concat(Ftyp(), Header("moov", 0), Header("trak", 0), Header("mdia", 0), Header("free", 0))));
        return seeds;
    }

    private static byte[] Nest(int depth)
    {
        var box = Box("mdhd", new byte[24]);
        for (var i = 0; i < depth; i++)
        {
            box = Box(BoxTypes[1 + (i % 9)], box);
        }

        return Concat(Ftyp(), box);
    }

    internal static (byte[] Input, string Mutation) Mutate(byte[] original, List<int> boxStarts, Random random)
    {
        var input = (byte[])original.Clone();
        var mutations = 1 + random.Next(3);
        var applied = new StringBuilder();
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(7))
            {
                case 0:
                    var length = random.Next(input.Length + 1);
                    input = input.AsSpan(0, length).ToArray();
                    applied.Append($"cut@{length} ");
                    break;
                case 1:
                case 2:
                    var flips = 1 + random.Next(16);
                    for (var f = 0; f < flips && input.Length > 0; f++)
                    {
                        // Mostly where the headers are.
                        var at = random.Next(Math.Min(input.Length, random.Next(2) == 0 ? 1024 : input.Length));
                        input[at] ^= (byte)(1 << random.Next(8));
                    }

                    applied.Append($"flip×{flips} ");
                    break;
                case 3:
                case 4:
                    CorruptSizeField(input, boxStarts, random, applied);
                    break;
                case 5:
                    CorruptSegmentLength(input, random, applied);
                    break;
                default:
                    input = Splice(input, random, applied);
                    break;
            }
        }

        return (input, applied.ToString().Trim());
    }

    /// <summary>Where the seed's boxes start (found once; after a cut or splice some point elsewhere, which is fine for fuzzing).</summary>
    internal static List<int> BoxStarts(byte[] seed)
    {
        var starts = new List<int>();
        for (var p = 0; p + 8 <= seed.Length; p++)
        {
            if (IsBoxType(seed.AsSpan(p + 4, 4)))
            {
                starts.Add(p);
            }
        }

        return starts;
    }

    /// <summary>Replaces a box's size field, or a count/version field just after its type, with a hostile value.</summary>
    private static void CorruptSizeField(byte[] input, List<int> starts, Random random, StringBuilder applied)
    {
        if (starts.Count == 0)
        {
            return;
        }

        var start = starts[random.Next(starts.Count)];
        if (start + 8 > input.Length)
        {
            return;
        }

        uint[] hostile = [0, 1, 2, 7, 8, 9, 16, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)(input.Length - start), (uint)(input.Length - start + 1), (uint)random.Next()];
        var value = hostile[random.Next(hostile.Length)];
        var field = random.Next(4) == 0 ? start + 8 + (4 * random.Next(6)) : start;
        if (field + 4 > input.Length)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(field), value);
        if (value == 1 && field == start && start + 16 <= input.Length)
        {
            ulong[] large = [0, 8, 15, 16, ulong.MaxValue, long.MaxValue, (ulong)long.MaxValue + 1, (ulong)(input.Length - start), (ulong)random.NextInt64()];
            BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(start + 8), large[random.Next(large.Length)]);
        }

        applied.Append($"field@{field}={value} ");
    }

    private static void CorruptSegmentLength(byte[] input, Random random, StringBuilder applied)
    {
        var markers = new List<int>();
        for (var p = 2; p + 4 <= input.Length && p < 4096; p++)
        {
            if (input[p] == 0xFF && input[p + 1] is >= 0xC0 and <= 0xFE and not 0xD8 and not 0xD9)
            {
                markers.Add(p);
            }
        }

        if (markers.Count == 0)
        {
            return;
        }

        var at = markers[random.Next(markers.Count)];
        ushort[] lengths = [0, 1, 2, 3, 7, 8, 0xFFFF, (ushort)random.Next(65536)];
        var value = lengths[random.Next(lengths.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(input.AsSpan(at + 2), value);
        applied.Append($"segment@{at}={value} ");
    }

    private static byte[] Splice(byte[] input, Random random, StringBuilder applied)
    {
        if (input.Length < 2)
        {
            return input;
        }

        var from = random.Next(input.Length);
        var count = random.Next(Math.Min(512, input.Length - from) + 1);
        var to = random.Next(input.Length);
        applied.Append($"splice {from}+{count}→{to} ");
        return Concat(input.AsSpan(0, to).ToArray(), input.AsSpan(from, count).ToArray(), input.AsSpan(to).ToArray());
    }

    private static bool IsBoxType(ReadOnlySpan<byte> type) => BoxTypeCodes.Contains(BinaryPrimitives.ReadUInt32BigEndian(type));
}
