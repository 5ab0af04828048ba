namespace MotionControl.Media;

/// <summary>
/// What the SDK learned about a local file by reading only its headers. Feeds the validation rules.
/// </summary>
public sealed record MediaFacts
{
    /// <summary>The format recognised from the first bytes.</summary>
    public MediaFormat Format { get; init; }

    /// <summary>The total size in bytes, when known.</summary>
    public long? ByteSize { get; init; }

    /// <summary>Width in pixels as displayed (video: after the track's rotation matrix is applied).</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels as displayed (video: after the track's rotation matrix is applied).</summary>
    public int? Height { get; init; }

    /// <summary>The video's duration; <see langword="null"/> for images.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The video's rotation in degrees (0, 90, 180 or 270) read from the track matrix; 0 for images.</summary>
    public int Rotation { get; init; }

    /// <summary>The ISO-BMFF major brand (for example <c>isom</c>, <c>qt  </c>), when there is an <c>ftyp</c> box.</summary>
    public string? Brand { get; init; }

    /// <summary>A name for the file in messages (its file name, or a description such as "4096 bytes").</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Set when the headers could not be read (truncated, corrupt, absurd sizes): what is wrong, in a sentence.
    /// The other facts may then be partial.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>True when the format is one the vendors accept as a character image (JPEG or PNG).</summary>
    public bool IsSupportedImage => Format is MediaFormat.Jpeg or MediaFormat.Png;

    /// <summary>True when the format is one the vendors accept as a reference video (MP4 or MOV).</summary>
    public bool IsSupportedVideo => Format is MediaFormat.Mp4 or MediaFormat.QuickTime;
}
