using System.Text;
using MotionControl.Media;

namespace MotionControl.Providers;

/// <summary>
/// Connects submissions to the media layer: probes local media for validation, and turns each source into the value
/// the vendor's JSON carries (a URL, or streamed Base64).
/// </summary>
internal static class SubmissionMedia
{
    public static Task<MediaFacts?> ProbeAsync(MediaSource? source, CancellationToken cancellationToken)
    {
        if (source is null || source.IsRemote)
        {
            return Task.FromResult<MediaFacts?>(null);
        }

        throw new NotSupportedException("Local media arrive with the media layer.");
    }

    public static ValueTask<(string Image, string Video, Func<ReadOnlyMemory<byte>, HttpContent> Content)> PrepareAsync(
        MotionControlRequest request,
        MotionControlCapabilities capabilities,
        IMediaUploader? uploader,
        CancellationToken cancellationToken)
    {
        if (!request.Image.IsRemote || !request.Video.IsRemote)
        {
            throw new NotSupportedException("Local media arrive with the media layer.");
        }

        return ValueTask.FromResult<(string, string, Func<ReadOnlyMemory<byte>, HttpContent>)>(
            (request.Image.Uri!.AbsoluteUri, request.Video.Uri!.AbsoluteUri, static json => new ReadOnlyMemoryContent(json) { Headers = { { "Content-Type", "application/json; charset=utf-8" } } }));
    }
}
