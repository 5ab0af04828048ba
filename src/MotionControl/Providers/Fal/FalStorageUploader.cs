using MotionControl.Media;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's own storage as an <see cref="IMediaUploader"/>: what a <see cref="FalClient"/> uses for local files when the caller
/// gives no uploader, so a local reference video works with no storage of the caller's. Files land on fal's CDN
/// (<c>storage_type=fal-cdn-v3</c>) and stay there as fal's storage settings decide.
/// </summary>
internal sealed class FalStorageUploader(IFalApi api) : IMediaUploader
{
    public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return await api.UploadAsync(upload.Content, upload.FileName, upload.ContentType, cancellationToken).ConfigureAwait(false);
    }
}
