namespace MotionControl.Media;

/// <summary>A container or image format recognised from a file's first bytes (never from its name).</summary>
public enum MediaFormat
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>JPEG (<c>FF D8 FF</c>). Accepted as a character image.</summary>
    Jpeg,

    /// <summary>PNG (<c>89 50 4E 47</c>). Accepted as a character image.</summary>
    Png,

    /// <summary>ISO base media MP4 (an <c>ftyp</c> box with an MP4-family brand). Accepted as a reference video.</summary>
    Mp4,

    /// <summary>QuickTime MOV (<c>ftyp qt  </c>, or a file opening with QuickTime atoms). Accepted as a reference video.</summary>
    QuickTime,

    /// <summary>WebP (RIFF/WEBP). Not accepted.</summary>
    WebP,

    /// <summary>GIF. Not accepted.</summary>
    Gif,

    /// <summary>HEIC/HEIF (an <c>ftyp</c> with a HEIF brand). Not accepted.</summary>
    Heic,

    /// <summary>AVIF (an <c>ftyp</c> with the <c>avif</c> brand). Not accepted.</summary>
    Avif,

    /// <summary>BMP. Not accepted.</summary>
    Bmp,

    /// <summary>TIFF. Not accepted.</summary>
    Tiff,

    /// <summary>WebM or Matroska (EBML). Not accepted.</summary>
    WebM,

    /// <summary>AVI (RIFF/AVI). Not accepted.</summary>
    Avi,

    /// <summary>MPEG-2 transport stream or program stream. Not accepted.</summary>
    MpegTs,
}
