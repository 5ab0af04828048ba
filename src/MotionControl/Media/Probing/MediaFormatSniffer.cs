using System.Buffers.Binary;

namespace MotionControl.Media;

/// <summary>
/// Recognises a file's format from its first bytes (the magic numbers), never from its name: a PNG renamed
/// <c>photo.jpg</c> is a PNG, and a WebM renamed <c>clip.mp4</c> is a WebM the vendors would refuse after charging.
/// </summary>
internal static class MediaFormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format of the content that starts with <paramref name="head"/>, and the ISO-BMFF major brand if any.</summary>
    /// <param name="head">The first bytes, ideally <see cref="MediaReadLimits.SniffBytes"/> of them (fewer for a short file).</param>
    public static (MediaFormat Format, string? Brand) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return (MediaFormat.Jpeg, null);
        }

        if (head.StartsWith(PngSignature))
        {
            return (MediaFormat.Png, null);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return (MediaFormat.Gif, null);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8))
            {
                return (MediaFormat.WebP, null);
            }

            if (form.SequenceEqual("AVI "u8))
            {
                return (MediaFormat.Avi, null);
            }
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return (MediaFormat.WebM, null);
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8))
        {
            return (MediaFormat.Tiff, null);
        }

        if (IsBmp(head))
        {
            return (MediaFormat.Bmp, null);
        }

        if (FindFtyp(head) is { } ftypAt)
        {
            return SniffIsoBmff(head[ftypAt..]);
        }

        if (IsLegacyQuickTime(head))
        {
            return (MediaFormat.QuickTime, null);
        }

        if (IsMpegStream(head))
        {
            return (MediaFormat.MpegTs, null);
        }

        return (MediaFormat.Unknown, null);
    }

    /// <summary>A printable form of a four-character code, for messages and <see cref="MediaFacts.Brand"/>.</summary>
    public static string FourCC(ReadOnlySpan<byte> code)
    {
        Span<char> chars = stackalloc char[4];
        var count = Math.Min(chars.Length, code.Length);
        for (var i = 0; i < count; i++)
        {
            chars[i] = code[i] is >= 0x20 and < 0x7F ? (char)code[i] : '?';
        }

        return new string(chars[..count]);
    }

    /// <summary>A printable form of a four-character code held as a big-endian integer.</summary>
    public static string FourCC(uint code)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, code);
        return FourCC(bytes);
    }

    /// <summary>
    /// Where the <c>ftyp</c> box starts: first in the file, or after padding boxes (<c>free</c>, <c>skip</c>,
    /// <c>wide</c>) some writers put before it.
    /// </summary>
    private static int? FindFtyp(ReadOnlySpan<byte> head)
    {
        var offset = 0;
        while (offset + 12 <= head.Length)
        {
            var type = head.Slice(offset + 4, 4);
            if (type.SequenceEqual("ftyp"u8))
            {
                return offset;
            }

            var size = BinaryPrimitives.ReadUInt32BigEndian(head[offset..]);
            if (size < 8 || !(type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8) || type.SequenceEqual("wide"u8)))
            {
                return null;
            }

            offset += (int)Math.Min(size, (uint)head.Length);
        }

        return null;
    }

    private static (MediaFormat, string?) SniffIsoBmff(ReadOnlySpan<byte> head)
    {
        var major = head.Slice(8, 4);
        var brand = FourCC(major);

        // Compatible brands follow the minor version, up to the end of the ftyp box (or of what was sniffed).
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        var end = (int)Math.Min(head.Length, boxSize < 16 ? 16 : boxSize);
        var compatible = end > 16 ? head[16..end] : [];

        if (IsAvifBrand(major) || (IsHeifBrand(major) && HasAvifBrand(compatible)))
        {
            return (MediaFormat.Avif, brand);
        }

        if (IsHeifBrand(major))
        {
            return (MediaFormat.Heic, brand);
        }

        if (major.SequenceEqual("qt  "u8))
        {
            return (MediaFormat.QuickTime, brand);
        }

        // Every other ftyp (isom, iso2–iso9, mp41, mp42, avc1, dash, M4V, 3gp*, XAVC, ...) is an ISO base media file the
        // MP4 demuxers read; one without a video track is reported by the box reader.
        return (MediaFormat.Mp4, brand);
    }

    /// <summary>AVIF files often name the generic HEIF brand <c>mif1</c> first and <c>avif</c> among the compatible ones.</summary>
    private static bool HasAvifBrand(ReadOnlySpan<byte> compatible)
    {
        for (var i = 0; i + 4 <= compatible.Length; i += 4)
        {
            if (IsAvifBrand(compatible.Slice(i, 4)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAvifBrand(ReadOnlySpan<byte> brand) => brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8);

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8)
        || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8) || brand.SequenceEqual("hevm"u8) || brand.SequenceEqual("hevs"u8)
        || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("mif2"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("heif"u8);

    /// <summary>
    /// QuickTime files written before <c>ftyp</c> existed open straight with an atom: <c>moov</c>, <c>mdat</c>, or a
    /// <c>wide</c>/<c>free</c>/<c>skip</c>/<c>pnot</c> placeholder. The size field must be plausible, so random bytes
    /// that happen to spell "free" at offset 4 are not taken for a movie.
    /// </summary>
    private static bool IsLegacyQuickTime(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
        {
            return false;
        }

        var type = head.Slice(4, 4);
        if (!(type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8) || type.SequenceEqual("wide"u8)
            || type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8) || type.SequenceEqual("pnot"u8)))
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(head);
        return size is 0 or 1 or >= 8;
    }

    /// <summary>BMP: "BM", then a DIB header whose size is one of the documented versions.</summary>
    private static bool IsBmp(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || head[0] != (byte)'B' || head[1] != (byte)'M')
        {
            return false;
        }

        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(14, 4));
        return dibSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    /// <summary>
    /// MPEG-2 transport stream (sync byte 0x47 every 188 bytes, or every 192 in Blu-ray M2TS) or program stream
    /// (pack start code). Two sync bytes in a row are required: one 'G' is too common to mean anything.
    /// </summary>
    private static bool IsMpegStream(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && head[3] == 0xBA)
        {
            return true;
        }

        return HasSyncBytes(head, 0, 188) || HasSyncBytes(head, 4, 192);
    }

    private static bool HasSyncBytes(ReadOnlySpan<byte> head, int first, int packet)
    {
        var count = 0;
        for (var i = first; i < head.Length; i += packet)
        {
            if (head[i] != 0x47)
            {
                return false;
            }

            count++;
        }

        return count >= 2;
    }
}
