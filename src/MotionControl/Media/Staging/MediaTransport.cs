namespace MotionControl.Media;

/// <summary>How a vendor accepts a media field on the wire.</summary>
[Flags]
public enum MediaTransport
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A remote http(s) URL.</summary>
    Url = 1,

    /// <summary>Raw Base64 of the file, with no <c>data:</c> prefix (Kling, PowerTokens images).</summary>
    RawBase64 = 2,

    /// <summary>A <c>data:&lt;mime&gt;;base64,</c> URI (AIMLAPI).</summary>
    DataUri = 4,
}
