namespace MotionControl.Media;

/// <summary>One ISO-BMFF / QuickTime box (atom) header: where it starts, how long it is, and what it is.</summary>
/// <param name="Type">The four-character type as a big-endian integer (<c>moov</c> = 0x6D6F6F76).</param>
/// <param name="Start">The offset of the box's first byte.</param>
/// <param name="Size">The whole box's length, header included, after resolving 64-bit and "to the end" sizes.</param>
/// <param name="HeaderLength">8, 16 with a 64-bit size, plus 16 for a <c>uuid</c> box's user type.</param>
internal readonly record struct Mp4BoxHeader(uint Type, long Start, long Size, int HeaderLength)
{
    public const uint Ftyp = 0x66747970;
    public const uint Moov = 0x6D6F6F76;
    public const uint Mvhd = 0x6D766864;
    public const uint Trak = 0x7472616B;
    public const uint Tkhd = 0x746B6864;
    public const uint Mdia = 0x6D646961;
    public const uint Mdhd = 0x6D646864;
    public const uint Hdlr = 0x68646C72;
    public const uint Minf = 0x6D696E66;
    public const uint Stbl = 0x7374626C;
    public const uint Stsd = 0x73747364;
    public const uint Mvex = 0x6D766578;
    public const uint Mehd = 0x6D656864;
    public const uint Trex = 0x74726578;
    public const uint Moof = 0x6D6F6F66;
    public const uint Mdat = 0x6D646174;
    public const uint Traf = 0x74726166;
    public const uint Tfhd = 0x74666864;
    public const uint Tfdt = 0x74666474;
    public const uint Trun = 0x7472756E;
    public const uint Sidx = 0x73696478;
    public const uint Cmov = 0x636D6F76;
    public const uint Uuid = 0x75756964;
    public const uint Vide = 0x76696465;

    /// <summary>The offset just past the box.</summary>
    public long End => Start + Size;

    /// <summary>The offset of the box's payload.</summary>
    public long ContentStart => Start + HeaderLength;

    /// <summary>The payload's length.</summary>
    public long ContentLength => Size - HeaderLength;

    /// <summary>The type as text, for messages.</summary>
    public string Name => MediaFormatSniffer.FourCC(Type);
}
