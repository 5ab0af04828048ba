namespace MotionControl;

/// <summary>Where a <see cref="MediaSource"/>'s content lives.</summary>
public enum MediaSourceKind
{
    /// <summary>A remote URL the vendor fetches itself.</summary>
    Uri = 0,

    /// <summary>A local file path.</summary>
    File = 1,

    /// <summary>Bytes in memory.</summary>
    Bytes = 2,

    /// <summary>A caller-owned stream.</summary>
    Stream = 3,

    /// <summary>Base64 text (raw, or a <c>data:</c> URI).</summary>
    Base64 = 4,
}
