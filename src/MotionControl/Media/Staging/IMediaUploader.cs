namespace MotionControl.Media;

/// <summary>
/// Your storage, for vendors that accept media by URL only (ModelsLab, Vydra; videos for Kling and PowerTokens):
/// stores a local file and returns a URL the vendor can download it from.
/// </summary>
public interface IMediaUploader
{
    /// <summary>Stores the content and returns its URL.</summary>
    /// <param name="upload">The content, its name, type, length and which request field it is for.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>An absolute http(s) URL the vendor can fetch (a pre-signed URL is fine; it is never logged with its query).</returns>
    ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default);
}
