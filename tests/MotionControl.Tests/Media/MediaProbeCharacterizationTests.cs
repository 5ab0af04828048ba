using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotionControl.Media;
using Xunit.Abstractions;

namespace MotionControl.Tests.Media;

/// <summary>
/// Holds the probe's behaviour byte for byte: 6,000 seeded mutations of the fixtures and synthetic box trees (the
/// generator of <see cref="MediaFuzzTests"/>), probed from seekable and forward-only streams, and every outcome — format,
/// size, duration, rotation, brand, the problem's exact message, the bytes read — folded into one SHA-256. The expected
/// digest was recorded from the probe before MP4 probing was split into walker, parsers and timeline; a change to any
/// verdict or message changes it. Re-record it (the test prints the new one) only for an intended change of behaviour,
/// and say so in the commit.
/// </summary>
public class MediaProbeCharacterizationTests(ITestOutputHelper output)
{
    private const int Inputs = 6_000;
    private const int Seed = 20_261_202;
    private const string Expected = "CAB194117CB170C342459BD94D7795D28EB1CBDD3ED78399C769A65BEF71C0D5";

    [Fact]
    public async Task Every_outcome_of_the_seeded_corpus_is_unchanged()
    {
        var seeds = MediaFuzzTests.Seeds();
        var boxStarts = seeds.ToDictionary(s => s.Name, s => MediaFuzzTests.BoxStarts(s.Bytes));
        var random = new Random(Seed);
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var problems = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var (name, original) = seeds[random.Next(seeds.Count)];
            var (input, _) = i % 5 == 0 ? (original, "original") : MediaFuzzTests.Mutate(original, boxStarts[name], random);
            Stream stream = i % 4 == 0 ? new ForwardOnlyStream(input, maxPerRead: 1 + random.Next(5000)) : new MemoryStream(input, writable: false);
            MediaProbeResult result;
            await using (stream)
            {
                result = await MediaProbe.ProbeStreamAsync(stream, name, CancellationToken.None);
            }

            var f = result.Facts;
            problems += f.Problem is null ? 0 : 1;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{i}|{f.Format}|{f.ByteSize}|{f.Width}|{f.Height}|{f.Duration?.Ticks}|{f.Rotation}|{f.Brand}|{f.Problem}|{result.BytesRead}\n");
            digest.AppendData(Encoding.UTF8.GetBytes(line));
        }

        var actual = Convert.ToHexString(digest.GetHashAndReset());
        output.WriteLine($"{Inputs:N0} inputs, {problems:N0} with a problem; digest {actual}");
        Assert.True(problems > Inputs / 10 && problems < Inputs, "the corpus should hold both good and broken inputs");
        Assert.Equal(Expected, actual);
    }
}
