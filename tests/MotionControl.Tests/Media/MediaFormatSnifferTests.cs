using System.Text;
using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>Magic bytes decide the format, for the formats the vendors accept and the ones they refuse.</summary>
public class MediaFormatSnifferTests
{
    public static TheoryData<string, MediaFormat, string?> Heads() => new()
    {
        { "FF D8 FF E0 00 10 4A 46 49 46", MediaFormat.Jpeg, null },
        { "89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52", MediaFormat.Png, null },
        { Hex("GIF89a") + " 01 00 01 00", MediaFormat.Gif, null },
        { Hex("GIF87a") + " 01 00 01 00", MediaFormat.Gif, null },
        { Hex("RIFF") + " 24 00 00 00 " + Hex("WEBPVP8 "), MediaFormat.WebP, null },
        { Hex("RIFF") + " 24 00 00 00 " + Hex("AVI LIST"), MediaFormat.Avi, null },
        { "1A 45 DF A3 9F 42 86 81 01", MediaFormat.WebM, null },
        { Hex("II*") + " 00 08 00 00 00", MediaFormat.Tiff, null },
        { Hex("MM") + " 00 2A 00 00 00 08", MediaFormat.Tiff, null },
        { Hex("BM") + " 36 00 0C 00 00 00 00 00 36 00 00 00 28 00 00 00", MediaFormat.Bmp, null },
        { "00 00 01 BA 44 00 04 00 04 01", MediaFormat.MpegTs, null },
        { Ftyp("isom", "isom", "iso2", "avc1", "mp41"), MediaFormat.Mp4, "isom" },
        { Ftyp("mp42", "mp42", "isom"), MediaFormat.Mp4, "mp42" },
        { Ftyp("M4V ", "M4V ", "mp42"), MediaFormat.Mp4, "M4V " },
        { Ftyp("3gp5", "3gp5"), MediaFormat.Mp4, "3gp5" },
        { Ftyp("qt  ", "qt  "), MediaFormat.QuickTime, "qt  " },
        { Ftyp("heic", "mif1", "heic"), MediaFormat.Heic, "heic" },
        { Ftyp("mif1", "mif1", "heic"), MediaFormat.Heic, "mif1" },
        { Ftyp("avif", "avif", "mif1", "miaf"), MediaFormat.Avif, "avif" },
        { Ftyp("mif1", "mif1", "avif", "miaf"), MediaFormat.Avif, "mif1" },
        { "00 00 00 08 " + Hex("wide") + " 00 00 10 00 " + Hex("mdat"), MediaFormat.QuickTime, null },
        { "00 00 00 08 " + Hex("free") + " " + Ftyp("mp42", "mp42", "isom"), MediaFormat.Mp4, "mp42" },
        { "00 00 00 08 " + Hex("wide") + " " + Ftyp("qt  ", "qt  "), MediaFormat.QuickTime, "qt  " },
        { "00 00 10 00 " + Hex("moov") + " 00 00 00 6C " + Hex("mvhd"), MediaFormat.QuickTime, null },
        { "00 00 00 00 " + Hex("mdat") + " 00 00", MediaFormat.QuickTime, null },
        { "00 00 00 04 " + Hex("free"), MediaFormat.Unknown, null },
        { Hex("%PDF-1.7"), MediaFormat.Unknown, null },
        { "47 40 00 10", MediaFormat.Unknown, null },
        { "FF D8", MediaFormat.Unknown, null },
        { "", MediaFormat.Unknown, null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void Recognises_format_from_first_bytes(string hex, MediaFormat format, string? brand)
    {
        var head = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var result = MediaFormatSniffer.Sniff(head);
        Assert.Equal(format, result.Format);
        Assert.Equal(brand, result.Brand);
    }

    [Fact]
    public void Transport_stream_needs_sync_bytes_every_188_bytes()
    {
        var ts = new byte[512];
        ts[0] = ts[188] = ts[376] = 0x47;
        Assert.Equal(MediaFormat.MpegTs, MediaFormatSniffer.Sniff(ts).Format);

        ts[376] = 0;
        Assert.Equal(MediaFormat.Unknown, MediaFormatSniffer.Sniff(ts).Format);

        var m2ts = new byte[512];
        m2ts[4] = m2ts[196] = m2ts[388] = 0x47;
        Assert.Equal(MediaFormat.MpegTs, MediaFormatSniffer.Sniff(m2ts).Format);
    }

    [Fact]
    public void Four_character_codes_print_safely()
    {
        Assert.Equal("moov", MediaFormatSniffer.FourCC(0x6D6F6F76));
        Assert.Equal("?a\"?", MediaFormatSniffer.FourCC([0x00, (byte)'a', (byte)'"', 0xFF]));
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static string Ftyp(string major, params string[] compatible) =>
        Convert.ToHexString(Mp4Boxes.Ftyp(major, compatible));
}
