using System.Buffers.Binary;
using System.Globalization;

namespace MotionControl.Media;

/// <summary>A movie or media header's clock: ticks per second and the length in ticks.</summary>
/// <param name="Timescale">Ticks per second.</param>
/// <param name="Duration">The length in ticks.</param>
internal readonly record struct Mp4Clock(uint Timescale, ulong Duration);

/// <summary>What a track header (<c>tkhd</c>) says.</summary>
/// <param name="Enabled">The track-enabled flag.</param>
/// <param name="TrackId">The track's id.</param>
/// <param name="Rotation">The clockwise quarter turn of its matrix (0, 90, 180, 270).</param>
/// <param name="FixedWidth">The width, 16.16 fixed point.</param>
/// <param name="FixedHeight">The height, 16.16 fixed point.</param>
internal readonly record struct Mp4TrackHeader(bool Enabled, uint TrackId, int Rotation, uint FixedWidth, uint FixedHeight);

/// <summary>What a track fragment header (<c>tfhd</c>) says.</summary>
/// <param name="TrackId">The track the fragment belongs to.</param>
/// <param name="DefaultDuration">The fragment's default sample duration, when given (flag 0x08).</param>
internal readonly record struct Mp4FragmentHeader(uint TrackId, uint? DefaultDuration);

/// <summary>The fixed part of a track run (<c>trun</c>).</summary>
/// <param name="Count">The number of samples.</param>
/// <param name="FixedLength">The bytes before the per-sample table.</param>
/// <param name="EntryLength">The bytes of one per-sample entry (0 when there is no table).</param>
/// <param name="HasSampleDurations">True when each entry starts with its sample's duration (flag 0x100).</param>
internal readonly record struct Mp4TrackRun(long Count, int FixedLength, int EntryLength, bool HasSampleDurations);

/// <summary>The fixed part of a segment index (<c>sidx</c>).</summary>
/// <param name="Timescale">Ticks per second of its durations.</param>
/// <param name="Count">The number of 12-byte references after it.</param>
/// <param name="EntriesOffset">Where the references start, from the box's content start.</param>
internal readonly record struct Mp4SegmentIndex(uint Timescale, int Count, int EntriesOffset);

/// <summary>
/// The fields of each box the probe reads, parsed from the box's content (the bytes after its header, as much of them
/// as the walker read: at least the box's <c>…Minimum</c> and at most 128). Pure functions of the bytes: no reads, no
/// state; a field a version needs that the content does not hold ends in a <see cref="MediaProblemException"/> naming the
/// box. The walker (<see cref="Mp4BoxWalker"/>) checks each minimum before it calls a parser.
/// </summary>
internal static class Mp4BoxParsers
{
    /// <summary>The bytes <see cref="Mvhd"/> needs for version 0.</summary>
    public const int MvhdMinimum = 20;

    /// <summary>The bytes <see cref="Mdhd"/> needs for version 0.</summary>
    public const int MdhdMinimum = 20;

    /// <summary>The bytes <see cref="Mehd"/> needs for version 0.</summary>
    public const int MehdMinimum = 8;

    /// <summary>The bytes <see cref="Trex"/> needs.</summary>
    public const int TrexMinimum = 16;

    /// <summary>The bytes <see cref="Tkhd"/> needs for version 0.</summary>
    public const int TkhdMinimum = 84;

    /// <summary>The bytes <see cref="Hdlr"/> needs.</summary>
    public const int HdlrMinimum = 12;

    /// <summary>The bytes <see cref="Stsd"/> needs (an entry count and the first visual sample entry up to its size).</summary>
    public const int StsdMinimum = 44;

    /// <summary>The bytes <see cref="Tfhd"/> needs without optional fields.</summary>
    public const int TfhdMinimum = 8;

    /// <summary>The bytes <see cref="Tfdt"/> needs for version 0.</summary>
    public const int TfdtMinimum = 8;

    /// <summary>The bytes <see cref="Trun"/> needs.</summary>
    public const int TrunMinimum = 8;

    /// <summary>The bytes <see cref="Sidx"/> needs before its version's reference count.</summary>
    public const int SidxMinimum = 20;

    /// <summary>The length of one <c>sidx</c> reference.</summary>
    public const int SidxReferenceLength = 12;

    /// <summary>The movie header: time scale and duration (<see cref="ulong.MaxValue"/> when it says "unknown").</summary>
    public static Mp4Clock Mvhd(Mp4BoxHeader box, ReadOnlySpan<byte> content)
    {
        if (content[0] == 1)
        {
            RequireLength(box, content, 32);
            return new(BinaryPrimitives.ReadUInt32BigEndian(content[20..]), BinaryPrimitives.ReadUInt64BigEndian(content[24..]));
        }

        var duration = BinaryPrimitives.ReadUInt32BigEndian(content[16..]);

        // All ones means "unknown" (a live or still-recording file).
        return new(BinaryPrimitives.ReadUInt32BigEndian(content[12..]), duration == uint.MaxValue ? ulong.MaxValue : duration);
    }

    /// <summary>A media header: the track's time scale and duration (0 when it says "unknown").</summary>
    public static Mp4Clock Mdhd(Mp4BoxHeader box, ReadOnlySpan<byte> content)
    {
        if (content[0] == 1)
        {
            RequireLength(box, content, 32);
            return new(BinaryPrimitives.ReadUInt32BigEndian(content[20..]), BinaryPrimitives.ReadUInt64BigEndian(content[24..]));
        }

        var duration = BinaryPrimitives.ReadUInt32BigEndian(content[16..]);
        return new(BinaryPrimitives.ReadUInt32BigEndian(content[12..]), duration == uint.MaxValue ? 0 : duration);
    }

    /// <summary>The movie extends header: the fragmented movie's whole duration, in the movie's time scale.</summary>
    public static ulong Mehd(ReadOnlySpan<byte> content) =>
        content[0] == 1 && content.Length >= 12
            ? BinaryPrimitives.ReadUInt64BigEndian(content[4..])
            : BinaryPrimitives.ReadUInt32BigEndian(content[4..]);

    /// <summary>A track extends box: the track and its default sample duration in fragments.</summary>
    public static (uint TrackId, uint DefaultDuration) Trex(ReadOnlySpan<byte> content) =>
        (BinaryPrimitives.ReadUInt32BigEndian(content[4..]), BinaryPrimitives.ReadUInt32BigEndian(content[12..]));

    /// <summary>A track header: enabled flag, id, rotation and the 16.16 size.</summary>
    public static Mp4TrackHeader Tkhd(Mp4BoxHeader box, ReadOnlySpan<byte> content)
    {
        var enabled = (content[3] & 1) != 0;
        uint trackId;
        int matrixAt;
        if (content[0] == 1)
        {
            RequireLength(box, content, 96);
            trackId = BinaryPrimitives.ReadUInt32BigEndian(content[20..]);
            matrixAt = 52;
        }
        else
        {
            trackId = BinaryPrimitives.ReadUInt32BigEndian(content[12..]);
            matrixAt = 40;
        }

        // The matrix is { a b u  c d v  x y w }; a, b, c, d are 16.16 fixed point.
        var a = BinaryPrimitives.ReadInt32BigEndian(content[matrixAt..]);
        var b = BinaryPrimitives.ReadInt32BigEndian(content[(matrixAt + 4)..]);
        return new(
            enabled,
            trackId,
            RotationOf(a, b),
            BinaryPrimitives.ReadUInt32BigEndian(content[(matrixAt + 36)..]),
            BinaryPrimitives.ReadUInt32BigEndian(content[(matrixAt + 40)..]));
    }

    /// <summary>
    /// The clockwise quarter turn nearest to the matrix's rotation. A phone's portrait clip carries (a b; c d) =
    /// (0 1; -1 0): the point (1, 0) maps to (0, 1), which on a screen whose y axis points down is a 90° clockwise turn.
    /// </summary>
    public static int RotationOf(int a, int b)
    {
        var absA = Math.Abs((long)a);
        var absB = Math.Abs((long)b);
        if (absA >= absB)
        {
            return a >= 0 ? 0 : 180;
        }

        return b > 0 ? 90 : 270;
    }

    /// <summary>A handler reference: the handler type (<c>vide</c>, <c>soun</c>…).</summary>
    public static uint Hdlr(ReadOnlySpan<byte> content) => BinaryPrimitives.ReadUInt32BigEndian(content[8..]);

    /// <summary>
    /// The first sample entry's coded width and height (a VisualSampleEntry: 8-byte header, then 24 bytes, then w, h);
    /// <see langword="null"/> when the description lists no entry.
    /// </summary>
    public static (int Width, int Height)? Stsd(ReadOnlySpan<byte> content) =>
        BinaryPrimitives.ReadUInt32BigEndian(content[4..]) == 0
            ? null
            : (BinaryPrimitives.ReadUInt16BigEndian(content[40..]), BinaryPrimitives.ReadUInt16BigEndian(content[42..]));

    /// <summary>A track fragment header: its track, and the default sample duration when flag 0x08 gives one.</summary>
    public static Mp4FragmentHeader Tfhd(Mp4BoxHeader box, ReadOnlySpan<byte> content)
    {
        var flags = Flags(content);
        var trackId = BinaryPrimitives.ReadUInt32BigEndian(content[4..]);
        var offset = 8;
        if ((flags & 0x01) != 0)
        {
            offset += 8; // base-data-offset
        }

        if ((flags & 0x02) != 0)
        {
            offset += 4; // sample-description-index
        }

        if ((flags & 0x08) == 0)
        {
            return new(trackId, null);
        }

        RequireLength(box, content, offset + 4);
        return new(trackId, BinaryPrimitives.ReadUInt32BigEndian(content[offset..]));
    }

    /// <summary>A track fragment decode time: where the fragment starts, in the track's time scale.</summary>
    public static ulong Tfdt(ReadOnlySpan<byte> content) =>
        content[0] == 1 && content.Length >= 12
            ? BinaryPrimitives.ReadUInt64BigEndian(content[4..])
            : BinaryPrimitives.ReadUInt32BigEndian(content[4..]);

    /// <summary>A track run's fixed part: sample count and the layout of its per-sample table.</summary>
    public static Mp4TrackRun Trun(ReadOnlySpan<byte> content)
    {
        var flags = Flags(content);
        long count = BinaryPrimitives.ReadUInt32BigEndian(content[4..]);
        var fixedLength = 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
        var entryLength = 4 * (((flags >> 8) & 1) + ((flags >> 9) & 1) + ((flags >> 10) & 1) + ((flags >> 11) & 1));
        return new(count, fixedLength, entryLength, (flags & 0x100) != 0);
    }

    /// <summary>One per-sample entry of a run with sample durations: the duration is its first field.</summary>
    public static uint TrunSampleDuration(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadUInt32BigEndian(entry);

    /// <summary>A segment index's fixed part: time scale, reference count and where the references start.</summary>
    public static Mp4SegmentIndex Sidx(Mp4BoxHeader box, ReadOnlySpan<byte> content)
    {
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(content[8..]);
        var countAt = content[0] == 0 ? 22 : 30;
        RequireLength(box, content, countAt + 2);
        return new(timescale, BinaryPrimitives.ReadUInt16BigEndian(content[countAt..]), countAt + 2);
    }

    /// <summary>One segment index reference: its subsegment duration (the second field).</summary>
    public static uint SidxReferenceDuration(ReadOnlySpan<byte> reference) => BinaryPrimitives.ReadUInt32BigEndian(reference[4..]);

    /// <summary>A full box's 24-bit flags.</summary>
    private static int Flags(ReadOnlySpan<byte> content) => (content[1] << 16) | (content[2] << 8) | content[3];

    private static void RequireLength(Mp4BoxHeader box, ReadOnlySpan<byte> content, int length)
    {
        if (content.Length < length)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"box '{box.Name}' at byte {box.Start:N0} is too short ({box.ContentLength:N0} bytes) for its version"));
        }
    }
}
