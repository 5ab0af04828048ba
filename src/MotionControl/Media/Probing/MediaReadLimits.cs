namespace MotionControl.Media;

/// <summary>
/// The bounds every header reader works within, so that a corrupt or hostile file costs a bounded amount of time,
/// memory and I/O: past any of them the probe stops and reports a problem instead of reading on.
/// </summary>
internal static class MediaReadLimits
{
    /// <summary>How deep boxes may nest. Real MP4/MOV files need 7 (moov/trak/mdia/minf/stbl/stsd/entry).</summary>
    public const int MaxBoxDepth = 16;

    /// <summary>How many boxes one probe visits. A 30 s fragmented file with one fragment per frame needs about 6,000.</summary>
    public const int MaxBoxes = 10_000;

    /// <summary>How many header bytes one probe may read (a 100 MB file's moov is a few MB at most).</summary>
    public const long MaxHeaderBytes = 64L * 1024 * 1024;

    /// <summary>How many trun samples one probe sums (a 30 s clip at 240 fps has 7,200).</summary>
    public const long MaxFragmentSamples = 10_000_000;

    /// <summary>How many JPEG segments are walked before the frame header must have appeared.</summary>
    public const int MaxJpegSegments = 4_096;

    /// <summary>How many bytes of padding or garbage between JPEG segments are tolerated.</summary>
    public const int MaxJpegFillBytes = 64 * 1024;

    /// <summary>How many bytes are sniffed for the format (an MPEG-TS needs three 188-byte packets' sync bytes).</summary>
    public const int SniffBytes = 512;

    /// <summary>
    /// The most the SDK copies from a caller's non-seekable stream into its temporary spool file: ten times the largest
    /// reference video any vendor accepts, so an over-size file is still measured and reported, but an endless stream is not.
    /// </summary>
    public const long MaxSpoolBytes = 1024L * 1024 * 1024;
}
