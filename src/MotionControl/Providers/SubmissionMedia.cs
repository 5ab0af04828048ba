using MotionControl.Media;

namespace MotionControl.Providers;

/// <summary>
/// Connects submissions to the media layer: probes local media for validation, and turns each source into the value
/// the vendor's JSON carries (a URL as is, an upload's URL, or a placeholder for streamed Base64).
/// </summary>
internal static class SubmissionMedia
{
    /// <summary>Facts of local media read from their headers; <see langword="null"/> for remote URLs (not downloaded).</summary>
    public static async Task<MediaFacts?> ProbeAsync(MediaSource? source, CancellationToken cancellationToken) =>
        source is null || source.IsRemote ? null : await MediaProbe.ProbeAsync(source, cancellationToken).ConfigureAwait(false);

    /// <summary>Prepares both media of a validated request for the vendor's accepted transports.</summary>
    public static async ValueTask<PreparedMedia> PrepareAsync(
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

/// <summary>A submission's media values and the preparer that streams them; release it when no attempt remains.</summary>
internal sealed class PreparedMedia(string image, string video, MediaPreparer preparer) : IDisposable
{
    public string Image { get; } = image;

    public string Video { get; } = video;

    /// <summary>What the uploader stored for this submission (URLs without their query).</summary>
    public IReadOnlyList<Uri> StagedMedia => preparer.StagedMedia;

    public HttpContent CreateContent(ReadOnlyMemory<byte> json) => preparer.CreateContent(json);

    public void Dispose() => preparer.ReleaseTemporaryFiles();
}
