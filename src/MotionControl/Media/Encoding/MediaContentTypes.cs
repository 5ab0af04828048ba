namespace MotionControl.Media;

/// <summary>The MIME type and file extension of each sniffed format, for data URIs and uploads.</summary>
internal static class MediaContentTypes
{
    /// <summary>The MIME type, <c>application/octet-stream</c> when the format is unknown.</summary>
    public static string Of(MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Png => "image/png",
        MediaFormat.Mp4 => "video/mp4",
        MediaFormat.QuickTime => "video/quicktime",
        MediaFormat.WebP => "image/webp",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Heic => "image/heic",
        MediaFormat.Avif => "image/avif",
        MediaFormat.Bmp => "image/bmp",
        MediaFormat.Tiff => "image/tiff",
        MediaFormat.WebM => "video/webm",
        MediaFormat.Avi => "video/x-msvideo",
        MediaFormat.MpegTs => "video/mp2t",
        _ => "application/octet-stream",
    };

    /// <summary>The usual file extension with its dot, <c>.bin</c> when the format is unknown.</summary>
    public static string ExtensionOf(MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => ".jpg",
        MediaFormat.Png => ".png",
        MediaFormat.Mp4 => ".mp4",
        MediaFormat.QuickTime => ".mov",
        MediaFormat.WebP => ".webp",
        MediaFormat.Gif => ".gif",
        MediaFormat.Heic => ".heic",
        MediaFormat.Avif => ".avif",
        MediaFormat.Bmp => ".bmp",
        MediaFormat.Tiff => ".tiff",
        MediaFormat.WebM => ".webm",
        MediaFormat.Avi => ".avi",
        MediaFormat.MpegTs => ".ts",
        _ => ".bin",
    };
}
