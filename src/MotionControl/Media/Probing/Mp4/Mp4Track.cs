namespace MotionControl.Media;

/// <summary>What the box reader keeps about one <c>trak</c>: enough to pick the video track and size it.</summary>
internal sealed class Mp4Track
{
    public uint TrackId { get; set; }

    /// <summary>The tkhd "track enabled" flag; a disabled video track (a poster frame, say) is a last resort.</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>hdlr</c> handler type under <c>mdia</c>: <c>vide</c> for video.</summary>
    public uint Handler { get; set; }

    /// <summary>tkhd width and height, 16.16 fixed point: the presentation size before the matrix is applied.</summary>
    public uint FixedWidth { get; set; }

    public uint FixedHeight { get; set; }

    /// <summary>Clockwise rotation in degrees (0, 90, 180, 270) read from the tkhd matrix.</summary>
    public int Rotation { get; set; }

    /// <summary>The first sample entry's coded size, for files whose tkhd leaves the size at 0.</summary>
    public int SampleWidth { get; set; }

    public int SampleHeight { get; set; }

    /// <summary>The mdhd time scale: ticks per second of this track's sample durations (trun, tfdt).</summary>
    public uint MediaTimescale { get; set; }

    /// <summary>The mdhd duration: the samples described in the moov itself, in <see cref="MediaTimescale"/> ticks.</summary>
    public ulong MediaDuration { get; set; }

    public bool IsVideo => Handler == Mp4BoxHeader.Vide;

    public int DisplayWidth => Rotation is 90 or 270 ? StoredHeight : StoredWidth;

    public int DisplayHeight => Rotation is 90 or 270 ? StoredWidth : StoredHeight;

    /// <summary>True when tkhd gives a size (some encoders leave it 0 and only the sample entry has it).</summary>
    private bool HasTrackSize => FixedWidth >= 0x8000 && FixedHeight >= 0x8000;

    private int StoredWidth => HasTrackSize ? Round(FixedWidth) : SampleWidth;

    private int StoredHeight => HasTrackSize ? Round(FixedHeight) : SampleHeight;

    private static int Round(uint fixed16) => (int)(((long)fixed16 + 0x8000) >> 16);
}
