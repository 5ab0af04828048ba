using MotionControl.Media;

namespace MotionControl.Providers;

/// <summary>
/// Connects submissions to the media layer: probes local media for validation, and turns each source into the value
/// the vendor's JSON carries (a URL as is, an upload's URL, or a placeholder for streamed Base64).
/// </summary>
internal static class SubmissionMedia
{
    /// <summary>
    /// Facts of local media, and of an http(s) URL through the remote pre-flight (unless it is off): the same probe either
    /// way. A URL of another scheme is left to <c>url.scheme</c>. Only the caller's URLs come here: validation runs before
    /// any upload, so URLs an <see cref="IMediaUploader"/> returns are never pre-flighted.
    /// </summary>
    public static async Task<(MediaFacts? Facts, Media.Remote.RemoteMediaCheck? Remote)> ProbeAsync(MediaSource? source, Media.Remote.RemoteMediaPreflight preflight, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            return (null, null);
        }

        if (!source.IsRemote)
        {
            return (await MediaProbe.ProbeAsync(source, cancellationToken).ConfigureAwait(false), null);
        }

        if (preflight.Mode == RemoteMediaValidation.Off || source.Uri is not { IsAbsoluteUri: true } uri
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, null);
        }

        var check = await preflight.CheckAsync(source, cancellationToken).ConfigureAwait(false);
        return (check.Facts, check);
    }

    /// <summary>Prepares both media of a validated request for the vendor's accepted transports.</summary>
    /// <remarks>
    /// Two remote URLs (the common case) travel as they are, whatever the vendor: no preparer is made for them (the
    /// preparer would return their <see cref="Uri.AbsoluteUri"/> and send the JSON as the whole body, as this does).
    /// </remarks>
    public static ValueTask<PreparedMedia> PrepareAsync(
        MotionControlRequest request,
        MotionControlCapabilities capabilities,
        IMediaUploader? uploader,
        CancellationToken cancellationToken) =>
        request is { Image: { IsRemote: true, Uri: { } image }, Video: { IsRemote: true, Uri: { } video } }
            ? new(new PreparedMedia(image.AbsoluteUri, video.AbsoluteUri, null))
            : PrepareWithPreparerAsync(request, capabilities, uploader, cancellationToken);

    private static async ValueTask<PreparedMedia> PrepareWithPreparerAsync(
        MotionControlRequest request,
        MotionControlCapabilities capabilities,
        IMediaUploader? uploader,
        CancellationToken cancellationToken)
    {
        var preparer = new MediaPreparer(uploader);
        try
        {
            var image = await preparer.PrepareAsync(request.Image, "Image", capabilities.ImageTransports, capabilities.MaxInlineMediaBytes, cancellationToken).ConfigureAwait(false);
            var video = await preparer.PrepareAsync(request.Video, "Video", capabilities.VideoTransports, capabilities.MaxInlineMediaBytes, cancellationToken).ConfigureAwait(false);
            return new PreparedMedia(image, video, preparer);
        }
        catch
        {
            preparer.ReleaseTemporaryFiles();
            throw;
        }
    }
}

/// <summary>
/// A submission's media values and the preparer that streams them (none for two remote URLs); release it when no
/// attempt remains. A value: a submission of URLs allocates nothing for its media.
/// </summary>
internal readonly struct PreparedMedia(string image, string video, MediaPreparer? preparer) : IDisposable
{
    public string Image { get; } = image;

    public string Video { get; } = video;

    /// <summary>What the uploader stored for this submission (URLs without their query); none for URLs given by the caller.</summary>
    public IReadOnlyList<Uri> StagedMedia => preparer is null ? [] : preparer.StagedMedia;

    /// <summary>Builds one attempt's body from the JSON: the JSON alone for URLs (one shared delegate), else the preparer's streaming content.</summary>
    public Func<ReadOnlyMemory<byte>, HttpContent> CreateContent => preparer is null ? WireBody.Content : preparer.CreateContent;

    public void Dispose() => preparer?.ReleaseTemporaryFiles();
}
