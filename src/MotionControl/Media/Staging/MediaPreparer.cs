namespace MotionControl.Media;

/// <summary>
/// Turns one submission's media into what its vendor accepts: a remote URL as is; local media as streamed Base64 (raw,
/// or a data URI) where the vendor takes it inline; otherwise uploaded through the caller's <see cref="IMediaUploader"/>
/// and sent as the URL it returns. Inline media leave a placeholder in the DTO, which <see cref="CreateContent"/> replaces
/// with the Base64 while the body is sent.
/// </summary>
/// <remarks>
/// One preparer serves one submission (all of its attempts). When a vendor accepts both inline forms, a data URI is
/// preferred (it names its type); inline is preferred to an upload (no third party involved). A local source that can
/// travel neither way is reported by validation (<c>image.transport</c> / <c>video.transport</c>) before any preparer
/// runs; <see cref="ChooseTransport"/> tells which way a source will travel.
/// </remarks>
internal sealed class MediaPreparer
{
    private readonly IMediaUploader? _uploader;
    private readonly string _placeholderPrefix = $"__mc_media_{Guid.NewGuid():N}_";
    private readonly List<MediaPayload> _payloads = [];
    private readonly List<StreamMediaSource> _oneShotStreams = [];
    private readonly List<Uri> _staged = [];

    public MediaPreparer(IMediaUploader? uploader)
    {
        _uploader = uploader;
    }

    /// <summary>The URLs of what the uploader stored for this submission, without their query (see <see cref="MotionControlTask.StagedMedia"/>).</summary>
    public IReadOnlyList<Uri> StagedMedia => _staged;

    /// <summary>The inline media registered so far.</summary>
    public IReadOnlyList<MediaPayload> Payloads => _payloads;

    /// <summary>
    /// How <paramref name="source"/> will travel to a vendor accepting <paramref name="accepted"/>:
    /// <see cref="MediaTransport.Url"/> (remote, or uploaded), <see cref="MediaTransport.DataUri"/>,
    /// <see cref="MediaTransport.RawBase64"/>, or <see cref="MediaTransport.None"/> when it cannot be sent.
    /// </summary>
    public static MediaTransport ChooseTransport(MediaSource source, MediaTransport accepted, bool hasUploader)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IsRemote)
        {
            return MediaTransport.Url;
        }

        if ((accepted & MediaTransport.DataUri) != 0)
        {
            return MediaTransport.DataUri;
        }

        if ((accepted & MediaTransport.RawBase64) != 0)
        {
            return MediaTransport.RawBase64;
        }

        return hasUploader && (accepted & MediaTransport.Url) != 0 ? MediaTransport.Url : MediaTransport.None;
    }

    /// <summary>Prepares a source with no inline-size limit (see the overload with <c>maxInlineBytes</c>).</summary>
    public ValueTask<string> PrepareAsync(MediaSource source, string field, MediaTransport accepted, CancellationToken cancellationToken) =>
        PrepareAsync(source, field, accepted, maxInlineBytes: null, cancellationToken);

    /// <summary>The value the DTO's media field carries: a URL, or a placeholder that <see cref="CreateContent"/> streams.</summary>
    /// <param name="source">The media.</param>
    /// <param name="field"><c>Image</c> or <c>Video</c> (the request property; passed to the uploader).</param>
    /// <param name="accepted">How the vendor accepts this field.</param>
    /// <param name="maxInlineBytes">
    /// The largest source sent inline (the vendor's <see cref="MotionControlCapabilities.MaxInlineMediaBytes"/>): a larger one,
    /// or one whose length is not known yet, is uploaded instead when there is an uploader and the vendor takes URLs.
    /// </param>
    /// <param name="cancellationToken">Cancels an upload or the copy of a one-shot stream.</param>
    /// <exception cref="InvalidOperationException">The source cannot travel to this vendor, or the uploader returned no usable URL.</exception>
    public async ValueTask<string> PrepareAsync(MediaSource source, string field, MediaTransport accepted, long? maxInlineBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is StreamMediaSource { StartPosition: null } oneShotSource && !_oneShotStreams.Contains(oneShotSource))
        {
            _oneShotStreams.Add(oneShotSource);
        }

        var transport = ChooseTransport(source, accepted, _uploader is not null);
        if (transport is MediaTransport.DataUri or MediaTransport.RawBase64 && maxInlineBytes is { } max && _uploader is not null
            && (accepted & MediaTransport.Url) != 0 && !(MediaSourceOpener.TryGetLength(source) <= max))
        {
            transport = MediaTransport.Url;
        }

        switch (transport)
        {
            case MediaTransport.Url when source.Uri is { } remote:
                return remote.AbsoluteUri;
            case MediaTransport.Url:
                return await UploadAsync(source, field, cancellationToken).ConfigureAwait(false);
            case MediaTransport.DataUri:
                var format = await SniffAsync(source, cancellationToken).ConfigureAwait(false);
                return Register(source, MediaTransport.DataUri, ContentTypeOf(source, format));
            case MediaTransport.RawBase64:
                // A one-shot stream is copied now, so the body has a known length and can be sent again on a retry.
                if (source is StreamMediaSource { StartPosition: null } oneShot)
                {
                    await oneShot.GetSpoolAsync(cancellationToken).ConfigureAwait(false);
                }

                return Register(source, MediaTransport.RawBase64, "application/octet-stream");
            default:
                throw new InvalidOperationException(
                    $"The {field} is {source}, but this vendor accepts it by URL only. Pass MediaSource.FromUri(...) or configure an IMediaUploader.");
        }
    }

    /// <summary>A new request body for one attempt, from the vendor DTO's UTF-8 JSON, streaming the inline media into it.</summary>
    /// <remarks>With no inline media (URLs only) the JSON is the whole body: sent as it is, the same bytes and headers.</remarks>
    public HttpContent CreateContent(ReadOnlyMemory<byte> json) =>
        _payloads.Count == 0 ? Providers.WireBody.Content(json) : new JsonMediaContent(json, _payloads);

    /// <summary>Deletes the temporary copies of one-shot streams this submission used; call when no attempt remains.</summary>
    public void ReleaseTemporaryFiles()
    {
        foreach (var source in _oneShotStreams)
        {
            source.ReleaseSpool();
        }
    }

    /// <summary>The file name an upload is stored under: the caller's, else one made from the field and the format.</summary>
    internal static string UploadFileName(MediaSource source, string field, MediaFormat format)
    {
        if (source.FileName is { Length: > 0 } given && Path.GetFileName(given) is { Length: > 0 } name)
        {
            return name;
        }

        var stem = field switch
        {
            "Image" => "image",
            "Video" => "video",
            _ => "media",
        };
        return stem + MediaContentTypes.ExtensionOf(format);
    }

    private string Register(MediaSource source, MediaTransport encoding, string contentType)
    {
        var placeholder = string.Concat(_placeholderPrefix, _payloads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "__");
        _payloads.Add(new MediaPayload(placeholder, source, encoding, contentType));
        return placeholder;
    }

    private async Task<string> UploadAsync(MediaSource source, string field, CancellationToken cancellationToken)
    {
        var stream = await MediaSourceOpener.OpenAsync(source, sequential: true, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var format = await SniffAsync(stream, cancellationToken).ConfigureAwait(false);
            var upload = new MediaUploadRequest
            {
                Content = stream,
                FileName = UploadFileName(source, field, format),
                ContentType = ContentTypeOf(source, format),
                Length = stream.Length,
                Field = field,
            };
            var uri = await _uploader!.UploadAsync(upload, cancellationToken).ConfigureAwait(false);
            if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException(
                    $"The media uploader returned {Describe(uri)} for the {field}; it must return an absolute http(s) URL the vendor can fetch.");
            }

            // Kept without the query: a pre-signed URL's signature is a credential, and the task carrying this list may be
            // printed or stored; the object's address is all a cleanup needs.
            _staged.Add(new Uri(uri.GetLeftPart(UriPartial.Path)));
            return uri.AbsoluteUri;
        }
    }

    /// <summary>A returned URL for a message, without its query (pre-signed URLs carry credentials there).</summary>
    private static string Describe(Uri? uri)
    {
        if (uri is null)
        {
            return "no URL";
        }

        var text = uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : uri.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        return $"'{(query < 0 ? text : text[..query])}'";
    }

    private static async Task<MediaFormat> SniffAsync(MediaSource source, CancellationToken cancellationToken)
    {
        var stream = await MediaSourceOpener.OpenAsync(source, sequential: false, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await SniffAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sniffs the first bytes of a seekable stream and puts it back at its start.</summary>
    private static async Task<MediaFormat> SniffAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[MediaReadLimits.SniffBytes];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;
        return MediaFormatSniffer.Sniff(head.AsSpan(0, read)).Format;
    }

    private static string ContentTypeOf(MediaSource source, MediaFormat format) =>
        format == MediaFormat.Unknown && source is Base64MediaSource { DeclaredContentType: { } declared }
            ? declared
            : MediaContentTypes.Of(format);
}
