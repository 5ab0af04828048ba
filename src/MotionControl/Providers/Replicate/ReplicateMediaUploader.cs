using MotionControl.Media;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// Stores local media with Replicate's files API (<c>POST v1/files</c>) and returns the file's <c>urls.get</c>, which a
/// prediction takes as its <c>image</c> or <c>video</c>. A <see cref="ReplicateClient"/> uses one on its own account
/// when its options name no <see cref="MotionControlClientOptions.MediaUploader"/>, so local files need no storage of yours.
/// </summary>
/// <remarks>
/// The URL needs the account's token to be read, so it is meant for Replicate's own models, not for other vendors.
/// Replicate deletes the file when it expires (a day after the upload in Replicate's examples).
/// </remarks>
public sealed class ReplicateMediaUploader : IMediaUploader
{
    private readonly IReplicateApi _api;

    /// <summary>Creates an uploader over a Replicate account's typed API (<see cref="ReplicateClient.Api"/>).</summary>
    /// <param name="api">The account's API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is null.</exception>
    public ReplicateMediaUploader(IReplicateApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <inheritdoc />
    public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var file = await _api.UploadFileAsync(upload.Content, upload.FileName, upload.ContentType, cancellationToken).ConfigureAwait(false);

        // The endpoint has already refused a file without an absolute urls.get.
        return new Uri(file.Urls!.Get!, UriKind.Absolute);
    }
}
