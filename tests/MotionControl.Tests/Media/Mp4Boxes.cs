using System.Buffers.Binary;
using System.Text;

namespace MotionControl.Tests.Media;

/// <summary>Builds synthetic ISO-BMFF box trees, for the cases encoders do not produce (v1 boxes, 64-bit sizes, corruption).</summary>
internal static class Mp4Boxes
{
    public static byte[] Box(string type, params byte[][] payload)
    {
        var content = Concat(payload);
        var box = new byte[8 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        content.CopyTo(box, 8);
        return box;
    }

    /// <summary>A box with size 1 and a 64-bit largesize.</summary>
    public static byte[] LargeBox(string type, params byte[][] payload)
    {
        var content = Concat(payload);
        var box = new byte[16 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, 1);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(8), (ulong)box.Length);
        content.CopyTo(box, 16);
        return box;
    }

    /// <summary>A box with size 0: "extends to the end of the file (or parent)".</summary>
    public static byte[] OpenEndedBox(string type, params byte[][] payload)
    {
        var box = Box(type, payload);
        BinaryPrimitives.WriteUInt32BigEndian(box, 0);
        return box;
    }

    /// <summary>Just a box header claiming <paramref name="size"/> bytes, for an mdat whose content is not materialised.</summary>
    public static byte[] Header(string type, uint size)
    {
        var box = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(box, size);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        return box;
    }

    public static byte[] Ftyp(string major = "isom", params string[] compatible) =>
        Box("ftyp", Encoding.ASCII.GetBytes(major), U32(512), Encoding.ASCII.GetBytes(string.Concat(compatible)));

    public static byte[] Mvhd(uint timescale, ulong duration, int version = 0) => version == 1
        ? Box("mvhd", [1, 0, 0, 0], U64(0), U64(0), U32(timescale), U64(duration), new byte[80])
        : Box("mvhd", [0, 0, 0, 0], U32(0), U32(0), U32(timescale), U32((uint)duration), new byte[80]);

    public static byte[] Tkhd(uint trackId, double width, double height, int rotation = 0, int version = 0, bool enabled = true)
    {
        var (a, b, c, d) = rotation switch
        {
            90 => (0, 0x10000, -0x10000, 0),
            180 => (-0x10000, 0, 0, -0x10000),
            270 => (0, -0x10000, 0x10000, 0),
            _ => (0x10000, 0, 0, 0x10000),
        };
        var matrix = Concat(I32(a), I32(b), I32(0), I32(c), I32(d), I32(0), I32(0), I32(0), I32(0x40000000));
        var size = Concat(U32((uint)(width * 65536)), U32((uint)(height * 65536)));
        byte[] flags = [(byte)version, 0, 0, (byte)(enabled ? 3 : 2)];
        return version == 1
            ? Box("tkhd", flags, U64(0), U64(0), U32(trackId), U32(0), U64(0), new byte[16], matrix, size)
            : Box("tkhd", flags, U32(0), U32(0), U32(trackId), U32(0), U32(0), new byte[16], matrix, size);
    }

    public static byte[] Mdhd(uint timescale, ulong duration, int version = 0) => version == 1
        ? Box("mdhd", [1, 0, 0, 0], U64(0), U64(0), U32(timescale), U64(duration), new byte[4])
        : Box("mdhd", [0, 0, 0, 0], U32(0), U32(0), U32(timescale), U32((uint)duration), new byte[4]);

    public static byte[] Hdlr(string handler) =>
        Box("hdlr", [0, 0, 0, 0], U32(0), Encoding.ASCII.GetBytes(handler), new byte[12], [0]);

    /// <summary>An stsd with one avc1 VisualSampleEntry of the given coded size.</summary>
    public static byte[] Stsd(int width, int height) =>
        Box("stsd", [0, 0, 0, 0], U32(1), Box("avc1", new byte[6], U16(1), new byte[16], U16((ushort)width), U16((ushort)height), new byte[50]));

    public static byte[] Track(string handler, uint trackId, double width, double height, uint timescale, ulong duration, int rotation = 0, int version = 0, bool enabled = true, int codedWidth = 0, int codedHeight = 0) =>
        Box("trak",
            Tkhd(trackId, width, height, rotation, version, enabled),
            Box("mdia", Mdhd(timescale, duration, version), Hdlr(handler),
                Box("minf", Box("stbl", Stsd(codedWidth, codedHeight), Box("stts", U32(0), U32(0))))));

    public static byte[] Mehd(ulong duration, int version = 0) => version == 1
        ? Box("mehd", [1, 0, 0, 0], U64(duration))
        : Box("mehd", [0, 0, 0, 0], U32((uint)duration));

    public static byte[] Trex(uint trackId, uint defaultDuration) =>
        Box("trex", [0, 0, 0, 0], U32(trackId), U32(1), U32(defaultDuration), U32(0), U32(0));

    /// <summary>A moof with one traf: tfhd (with a default duration if given), tfdt (if given), one trun.</summary>
    public static byte[] Moof(uint trackId, uint[]? sampleDurations = null, uint sampleCount = 0, uint? defaultDuration = null, ulong? decodeTime = null)
    {
        var tfhd = defaultDuration is { } dd
            ? Box("tfhd", [0, 0x02, 0, 0x08], U32(trackId), U32(dd))
            : Box("tfhd", [0, 0x02, 0, 0x00], U32(trackId));
        var tfdt = decodeTime is { } t ? Box("tfdt", [1, 0, 0, 0], U64(t)) : [];
        byte[] trun = sampleDurations is null
            ? Box("trun", [0, 0, 0x02, 0x01], U32(sampleCount), I32(0), new byte[4 * sampleCount])
            : Box("trun", [0, 0, 0x03, 0x01], U32((uint)sampleDurations.Length), I32(0),
                Concat(sampleDurations.Select(s => Concat(U32(s), U32(100))).ToArray()));
        return Box("moof", Box("mfhd", [0, 0, 0, 0], U32(1)), Box("traf", tfhd, tfdt, trun));
    }

    public static byte[] Sidx(uint timescale, params uint[] durations) =>
        Box("sidx", [0, 0, 0, 0], U32(1), U32(timescale), U32(0), U32(0), U16(0), U16((ushort)durations.Length),
            Concat(durations.Select(d => Concat(U32(1000), U32(d), U32(0x90000000))).ToArray()));

    /// <summary>A plain, valid movie: ftyp, moov (mvhd + one video track), mdat.</summary>
    public static byte[] SimpleMovie(uint timescale = 1000, ulong duration = 5000, double width = 720, double height = 1280, int rotation = 0, int version = 0) =>
        Concat(
            Ftyp("isom", "isom", "mp41"),
            Box("moov", Mvhd(timescale, duration, version), Track("vide", 1, width, height, timescale, duration, rotation, version)),
            Box("mdat", new byte[64]));

    public static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] I32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }
}
