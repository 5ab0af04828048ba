using MotionControl.Media;

namespace MotionControl;

/// <summary>
/// A character image or reference video: a remote URL, a local file, bytes, a stream or Base64 text.
/// Each vendor client turns it into what that vendor accepts (a URL, raw Base64, a data URI) or reports a
/// validation error before anything is sent. Local content is probed from its headers only.
/// </summary>
/// <remarks>Instances never print their content: <see cref="ToString"/> names the source only.</remarks>
public abstract class MediaSource
{
    private protected MediaSource()
    {
    }

    /// <summary>Where the content lives.</summary>
    public abstract MediaSourceKind Kind { get; }

    /// <summary>The remote URL, for <see cref="MediaSourceKind.Uri"/>; otherwise <see langword="null"/>.</summary>
    public virtual Uri? Uri => null;

    /// <summary>The file name (or path, for files) used in messages and data URIs, when known.</summary>
    public virtual string? FileName => null;

    /// <summary>True when the vendor fetches the content itself (<see cref="MediaSourceKind.Uri"/>).</summary>
    public bool IsRemote => Kind == MediaSourceKind.Uri;

    /// <summary>A remote http(s) URL the vendor downloads.</summary>
    /// <param name="uri">An absolute http or https URL. Other schemes are reported by validation (<c>url.scheme</c>).</param>
    /// <returns>The source.</returns>
    public static MediaSource FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new UriMediaSource(uri);
    }

    /// <summary>A remote http(s) URL the vendor downloads.</summary>
    /// <param name="uri">An absolute http or https URL.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is not an absolute URI.</exception>
    public static MediaSource FromUri(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException($"'{uri}' is not an absolute URI.", nameof(uri));
        }

        return new UriMediaSource(parsed);
    }

    /// <summary>A local file, read from disk when validated and when sent (never held whole in memory).</summary>
    /// <param name="path">The file's path. A missing file is reported by validation.</param>
    /// <returns>The source.</returns>
    public static MediaSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileMediaSource(path);
    }

    /// <summary>Bytes already in memory (not copied).</summary>
    /// <param name="bytes">The whole file's content.</param>
    /// <param name="fileName">An optional name for messages and data URIs; the format is sniffed from the bytes regardless.</param>
    /// <returns>The source.</returns>
    public static MediaSource FromBytes(ReadOnlyMemory<byte> bytes, string? fileName = null) => new BytesMediaSource(bytes, fileName);

    /// <summary>
    /// A caller-owned stream. The SDK reads it from its current position and does not dispose it. A seekable stream can
    /// be validated and sent repeatedly; a non-seekable one is read at most once per submission.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="fileName">An optional name for messages and data URIs.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    public static MediaSource FromStream(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        return new StreamMediaSource(stream, fileName);
    }

    /// <summary>Base64 text: raw Base64, or a <c>data:&lt;mime&gt;;base64,</c> URI (the prefix is removed for vendors that want raw Base64).</summary>
    /// <param name="base64">The encoded content.</param>
    /// <returns>The source.</returns>
    public static MediaSource FromBase64(string base64)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(base64);
        return new Base64MediaSource(base64);
    }

    /// <summary>Names the source without its content, for example <c>file 'dance.mp4'</c> or <c>4096 bytes</c>.</summary>
    /// <returns>A description safe to log.</returns>
    public abstract override string ToString();
}
