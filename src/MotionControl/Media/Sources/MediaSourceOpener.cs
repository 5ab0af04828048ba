using System.Runtime.InteropServices;

namespace MotionControl.Media;

/// <summary>
/// Opens any local <see cref="MediaSource"/> as a seekable, read-only stream positioned at the content's first byte,
/// which its reader disposes: a file handle, a window on bytes or on the caller's stream, a decoder over Base64 text, or
/// the temporary copy of a non-seekable stream. Disposing it never disposes a caller's stream.
/// </summary>
internal static class MediaSourceOpener
{
    /// <summary>Opens the content. A missing file throws <see cref="FileNotFoundException"/> (the probe reports it as a problem).</summary>
    /// <param name="source">A local source.</param>
    /// <param name="sequential">True to read it all from start to end (a send or an upload), false to read headers here and there.</param>
    /// <param name="cancellationToken">Cancels the copy of a one-shot stream.</param>
    public static async ValueTask<Stream> OpenAsync(MediaSource source, bool sequential, CancellationToken cancellationToken)
    {
        switch (source)
        {
            case FileMediaSource file:
                // Unbuffered: the header readers keep their own small read-ahead, and the body writer reads 48 KiB at a time.
                return new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                    bufferSize: 1, FileOptions.Asynchronous | (sequential ? FileOptions.SequentialScan : FileOptions.RandomAccess));
            case BytesMediaSource bytes:
                return OpenBytes(bytes.Bytes);
            case StreamMediaSource { StartPosition: { } start } seekable:
                return new StreamSlice(seekable.Stream, start);
            case StreamMediaSource oneShot:
                var spool = await oneShot.GetSpoolAsync(cancellationToken).ConfigureAwait(false);
                return spool.OpenRead();
            case Base64MediaSource base64 when base64.TryGetDecodedLength(out var length):
                return new Base64DecodingStream(base64.Payload, base64.HasWhitespace, length);
            case Base64MediaSource:
                throw new InvalidDataException("The Base64 text is not valid Base64.");
            default:
                throw new InvalidOperationException($"The {source} is remote: the vendor fetches it, the SDK does not open it.");
        }
    }

    /// <summary>The content's length in bytes without opening it, when it can be known.</summary>
    public static long? TryGetLength(MediaSource source)
    {
        switch (source)
        {
            case FileMediaSource file:
                var info = new FileInfo(file.Path);
                return info.Exists ? info.Length : null;
            case BytesMediaSource bytes:
                return bytes.Bytes.Length;
            case StreamMediaSource { StartPosition: { } start } seekable:
                return Math.Max(0, seekable.Stream.Length - start);
            case StreamMediaSource oneShot:
                return oneShot.Spool?.Length;
            case Base64MediaSource base64:
                return base64.TryGetDecodedLength(out var length) ? length : null;
            default:
                return null;
        }
    }

    private static MemoryStream OpenBytes(ReadOnlyMemory<byte> bytes)
    {
        if (MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null)
        {
            return new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false);
        }

        // Memory not backed by an array (native memory) is rare enough that one copy is acceptable.
        return new MemoryStream(bytes.ToArray(), writable: false);
    }
}
