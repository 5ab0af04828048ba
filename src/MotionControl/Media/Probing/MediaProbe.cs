using System.Globalization;

namespace MotionControl.Media;

/// <summary>
/// Learns the facts the validation rules need about local media (format, size, dimensions, duration, rotation) by
/// reading only its headers: the first bytes for the format, PNG <c>IHDR</c> or JPEG <c>SOFn</c> for an image's size,
/// and the MP4/MOV box headers for a video's duration and displayed size, stepping over the media data itself.
/// </summary>
/// <remarks>
/// A probe never throws for bad content: a missing, truncated, corrupt or absurd file gives facts whose
/// <see cref="MediaFacts.Problem"/> says what is wrong, in bounded time and memory. Only cancellation, and errors of the
/// caller's own stream, propagate. A caller's non-seekable stream (<see cref="MediaSource.FromStream"/>) is copied once to
/// a temporary file that is deleted when no longer needed, so probing it loses nothing for the later upload or send.
/// </remarks>
public static class MediaProbe
{
    /// <summary>Probes a media source's headers.</summary>
    /// <param name="source">The media. A remote URL is not fetched: its facts have format <see cref="MediaFormat.Unknown"/> and no problem.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The facts; <see cref="MediaFacts.Problem"/> is set when the headers cannot be read.</returns>
    public static async Task<MediaFacts> ProbeAsync(MediaSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = await ProbeWithStatisticsAsync(source, cancellationToken).ConfigureAwait(false);
        return result.Facts;
    }

    /// <summary>Probes content read from a stream, from its current position.</summary>
    /// <param name="stream">
    /// A readable stream. A seekable stream is only read where its headers are, and is put back where it was. A
    /// non-seekable stream is read forward up to the headers (for an MP4 whose <c>moov</c> comes last, to its end) and
    /// cannot be put back: wrap it with <see cref="MediaSource.FromStream"/> to have the SDK keep a copy instead.
    /// </param>
    /// <param name="name">A name for the content in <see cref="MediaFacts.SourceName"/> and messages.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The facts; <see cref="MediaFacts.Problem"/> is set when the headers cannot be read.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    public static async Task<MediaFacts> ProbeAsync(Stream stream, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        var start = stream.CanSeek ? stream.Position : (long?)null;
        try
        {
            var result = await ProbeStreamAsync(stream, name ?? "stream", cancellationToken).ConfigureAwait(false);
            return result.Facts;
        }
        finally
        {
            if (start is { } position)
            {
                stream.Position = position;
            }
        }
    }

    /// <summary>Probes a source and reports how many bytes it read.</summary>
    internal static async Task<MediaProbeResult> ProbeWithStatisticsAsync(MediaSource source, CancellationToken cancellationToken)
    {
        var name = SourceNameOf(source);
        if (source.IsRemote)
        {
            return new(new MediaFacts { Format = MediaFormat.Unknown, SourceName = name }, 0);
        }

        if (source is Base64MediaSource base64)
        {
            if (base64.Problem is { } prefixProblem)
            {
                return new(new MediaFacts { SourceName = name, Problem = prefixProblem }, 0);
            }

            if (!base64.TryGetDecodedLength(out _))
            {
                return new(new MediaFacts { SourceName = name, Problem = "it is not valid Base64 text (only A–Z, a–z, 0–9, '+', '/', '=' padding and line breaks are allowed)" }, 0);
            }
        }

        if (source is StreamMediaSource { StartPosition: null } oneShot)
        {
            var spool = await oneShot.GetSpoolAsync(cancellationToken).ConfigureAwait(false);
            if (spool.Overflowed)
            {
                return new(new MediaFacts
                {
                    SourceName = name,
                    ByteSize = spool.Length,
                    Problem = string.Create(CultureInfo.InvariantCulture,
                        $"the stream is longer than {MediaReadLimits.MaxSpoolBytes / (1024 * 1024):N0} MiB, the most the SDK copies from a stream that cannot seek"),
                }, spool.Length);
            }
        }

        Stream stream;
        try
        {
            stream = await MediaSourceOpener.OpenAsync(source, sequential: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new(new MediaFacts { SourceName = name, Problem = $"file not found: {name}" }, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return new(new MediaFacts { SourceName = name, Problem = $"access denied: {name}" }, 0);
        }
        catch (IOException ex)
        {
            return new(new MediaFacts { SourceName = name, Problem = $"it cannot be opened: {ex.Message}" }, 0);
        }

        await using (stream.ConfigureAwait(false))
        {
            return await ProbeStreamAsync(stream, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Probes a stream from its current position; every content problem ends in <see cref="MediaFacts.Problem"/>.</summary>
    internal static async Task<MediaProbeResult> ProbeStreamAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        using var cursor = new MediaReadCursor(stream);
        var facts = new MediaFacts { SourceName = name, ByteSize = cursor.Length };
        try
        {
            var head = new byte[MediaReadLimits.SniffBytes];
            var read = await cursor.ReadAsync(head, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new(facts with { ByteSize = 0, Problem = "the file is empty (0 bytes)" }, cursor.BytesRead);
            }

            var (format, brand) = MediaFormatSniffer.Sniff(head.AsSpan(0, read));
            facts = facts with { Format = format, Brand = brand };
            switch (format)
            {
                case MediaFormat.Png:
                    var (pngWidth, pngHeight) = await PngHeaderReader.ReadAsync(cursor, cancellationToken).ConfigureAwait(false);
                    facts = facts with { Width = pngWidth, Height = pngHeight };
                    break;
                case MediaFormat.Jpeg:
                    var (jpegWidth, jpegHeight) = await JpegHeaderReader.ReadAsync(cursor, cancellationToken).ConfigureAwait(false);
                    facts = facts with { Width = jpegWidth, Height = jpegHeight };
                    break;
                case MediaFormat.Mp4:
                case MediaFormat.QuickTime:
                    var (duration, width, height, rotation) = await Mp4BoxWalker.ReadAsync(cursor, cancellationToken).ConfigureAwait(false);
                    facts = facts with { Duration = duration, Width = width, Height = height, Rotation = rotation };
                    break;
            }
        }
        catch (MediaProblemException problem)
        {
            facts = facts with { Problem = problem.Message };
        }
        catch (InvalidDataException)
        {
            facts = facts with { Problem = "it is not valid Base64 text" };
        }
        catch (IOException ex)
        {
            facts = facts with { Problem = $"reading it failed: {ex.Message}" };
        }
        catch (Exception ex) when (ex is ObjectDisposedException or NotSupportedException)
        {
            // A caller's stream that was disposed, or cannot seek or read after all.
            facts = facts with { Problem = $"the stream cannot be read: {ex.Message}" };
        }

        return new(facts with { ByteSize = cursor.ByteSize }, cursor.BytesRead);
    }

    /// <summary>The name messages use: the file name for files and named content, else the source's own description.</summary>
    internal static string SourceNameOf(MediaSource source) => source switch
    {
        FileMediaSource file => Path.GetFileName(file.Path) is { Length: > 0 } fileName ? fileName : file.Path,
        { FileName: { Length: > 0 } given } when !source.IsRemote => Path.GetFileName(given) is { Length: > 0 } named ? named : given,
        _ => source.ToString(),
    };
}
