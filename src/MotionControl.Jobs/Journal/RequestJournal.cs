using System.Security.Cryptography;
using System.Text.Json;
using MotionControl.Media;

namespace MotionControl.Jobs.Journal;

/// <summary>
/// Turns a request into its journal form and back. Files are journaled by full path, size and SHA-256, and checked
/// unchanged before the create is sent (a file edited between enqueue and submit would otherwise be submitted as
/// something the caller never enqueued); URLs as they are; bytes and Base64 inline up to
/// <see cref="MotionControlJobRequest.MaxInlineMediaBytes"/>. A stream cannot be replayed after a restart, so it is refused.
/// </summary>
internal static class RequestJournal
{
    public static async ValueTask<string> WriteAsync(MotionControlRequest request, CancellationToken cancellationToken)
    {
        var element = request.Element;
        var journaled = new JournaledRequest
        {
            Image = await MediaAsync(request.Image, "Image", cancellationToken).ConfigureAwait(false),
            Video = await MediaAsync(request.Video, "Video", cancellationToken).ConfigureAwait(false),
            Prompt = request.Prompt,
            CharacterOrientation = request.CharacterOrientation,
            Mode = request.Mode,
            KeepOriginalSound = request.KeepOriginalSound,
            ElementId = element?.Id,
            ElementPromptReference = element?.PromptReference,
            ElementFrontalImage = element?.FrontalImage is { } frontal ? await MediaAsync(frontal, "Element.FrontalImage", cancellationToken).ConfigureAwait(false) : null,
            ElementReferenceImages = element is { IsFromImages: true } ? await ListAsync(element.ReferenceImages, cancellationToken).ConfigureAwait(false) : null,
            MaxCost = request.MaxCost,
            Model = request.Model,
            CallbackUrl = request.CallbackUrl?.AbsoluteUri,
            ExternalTaskId = request.ExternalTaskId,
            Watermark = request.Watermark,
            AdditionalProperties = request.AdditionalProperties is null ? null : new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(request.AdditionalProperties),
        };
        return JsonSerializer.Serialize(journaled, JobJsonContext.Default.JournaledRequest);
    }

    /// <summary>Reads the journal back into a request, checking journaled files unchanged.</summary>
    /// <exception cref="JobMediaChangedException">A file is missing or differs from what was journaled.</exception>
    public static async ValueTask<MotionControlRequest> ReadAsync(string json, CancellationToken cancellationToken)
    {
        var journaled = JsonSerializer.Deserialize(json, JobJsonContext.Default.JournaledRequest)
            ?? throw new InvalidOperationException("The journaled request is empty.");
        MotionControlElement? element = null;
        if (journaled.ElementFrontalImage is { } frontal)
        {
            var references = new List<MediaSource>();
            foreach (var reference in journaled.ElementReferenceImages ?? [])
            {
                references.Add(await OpenAsync(reference, cancellationToken).ConfigureAwait(false));
            }

            element = MotionControlElement.FromImages(await OpenAsync(frontal, cancellationToken).ConfigureAwait(false), [.. references]);
        }
        else if (journaled.ElementId is { } id)
        {
            element = MotionControlElement.FromId(id, journaled.ElementPromptReference);
        }

        return new MotionControlRequest
        {
            Image = await OpenAsync(journaled.Image, cancellationToken).ConfigureAwait(false),
            Video = await OpenAsync(journaled.Video, cancellationToken).ConfigureAwait(false),
            Prompt = journaled.Prompt,
            CharacterOrientation = journaled.CharacterOrientation,
            Mode = journaled.Mode,
            KeepOriginalSound = journaled.KeepOriginalSound,
            Element = element,
            MaxCost = journaled.MaxCost,
            Model = journaled.Model,
            CallbackUrl = journaled.CallbackUrl is null ? null : new Uri(journaled.CallbackUrl),
            ExternalTaskId = journaled.ExternalTaskId,
            Watermark = journaled.Watermark,
            AdditionalProperties = journaled.AdditionalProperties,
        };
    }

    private static async ValueTask<List<JournaledMedia>> ListAsync(IReadOnlyList<MediaSource> sources, CancellationToken cancellationToken)
    {
        var list = new List<JournaledMedia>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            list.Add(await MediaAsync(sources[i], $"Element.ReferenceImages[{i}]", cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    private static async ValueTask<JournaledMedia> MediaAsync(MediaSource source, string name, CancellationToken cancellationToken)
    {
        switch (source)
        {
            case FileMediaSource file:
                var path = Path.GetFullPath(file.Path);
                if (!File.Exists(path))
                {
                    throw new ArgumentException($"The request's {name} file '{Path.GetFileName(path)}' does not exist; a job journals a file by path, size and hash, so it must exist at enqueue.", nameof(source));
                }

                var (size, hash) = await FingerprintAsync(path, cancellationToken).ConfigureAwait(false);
                return new JournaledMedia { Kind = MediaSourceKind.File, Path = path, Size = size, Sha256 = hash };
            case UriMediaSource:
                return new JournaledMedia { Kind = MediaSourceKind.Uri, Uri = source.Uri!.AbsoluteUri };
            case BytesMediaSource bytes:
                CheckInline(bytes.Bytes.Length, name);
                return new JournaledMedia { Kind = MediaSourceKind.Bytes, Inline = Convert.ToBase64String(bytes.Bytes.Span), FileName = bytes.FileName };
            case Base64MediaSource base64:
                CheckInline((long)base64.Payload.Length * 3 / 4, name);
                return new JournaledMedia { Kind = MediaSourceKind.Base64, Inline = base64.Text };
            default:
                throw new ArgumentException(
                    $"The request's {name} is a {source.Kind} medium, which a durable job cannot journal (it could not be read again after a restart). Pass a file path, a URL, or bytes up to {MotionControlJobRequest.MaxInlineMediaBytes} bytes.",
                    nameof(source));
        }
    }

    private static void CheckInline(long length, string name)
    {
        if (length > MotionControlJobRequest.MaxInlineMediaBytes)
        {
            throw new ArgumentException(
                $"The request's {name} holds {length} bytes inline; a job journals at most {MotionControlJobRequest.MaxInlineMediaBytes} bytes inline per medium. Save it to a file or pass a URL.");
        }
    }

    private static async ValueTask<MediaSource> OpenAsync(JournaledMedia media, CancellationToken cancellationToken)
    {
        switch (media.Kind)
        {
            case MediaSourceKind.File:
                var path = media.Path!;
                if (!File.Exists(path))
                {
                    throw new JobMediaChangedException($"The journaled file '{Path.GetFileName(path)}' is gone; the job was not submitted.");
                }

                var (size, hash) = await FingerprintAsync(path, cancellationToken).ConfigureAwait(false);
                if (size != media.Size || !string.Equals(hash, media.Sha256, StringComparison.Ordinal))
                {
                    throw new JobMediaChangedException($"The journaled file '{Path.GetFileName(path)}' changed since the job was enqueued (size or SHA-256 differ); the job was not submitted.");
                }

                return MediaSource.FromFile(path);
            case MediaSourceKind.Uri:
                return MediaSource.FromUri(media.Uri!);
            case MediaSourceKind.Bytes:
                return MediaSource.FromBytes(Convert.FromBase64String(media.Inline!), media.FileName);
            case MediaSourceKind.Base64:
                return MediaSource.FromBase64(media.Inline!);
            default:
                throw new InvalidOperationException($"The journal holds a {media.Kind} medium, which no version of MotionControl.Jobs writes.");
        }
    }

    private static async ValueTask<(long Size, string Sha256)> FingerprintAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return (stream.Length, Convert.ToHexString(hash));
        }
    }
}
