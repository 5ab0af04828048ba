using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MotionControl.Media;

/// <summary>
/// A JSON request body whose media fields are streamed in as Base64 while it is sent, so a 100 MB video never exists as
/// one 133 MB string. The vendor DTO is serialized as usual with a unique placeholder in each media field; this content
/// writes the JSON up to a placeholder, then the media Base64-encoded in 48 KiB pieces through pooled buffers, then the
/// rest. Its length is exact when every media length is known, so the request carries a <c>Content-Length</c>.
/// </summary>
/// <remarks>
/// One instance serves one attempt; re-sending builds a new one from the same JSON. Each serialization re-opens the
/// media from its start (re-reading files, rewinding seekable streams, reading the copy of a one-shot stream), and never
/// disposes a caller's stream.
/// </remarks>
internal sealed class JsonMediaContent : HttpContent
{
    /// <summary>Bytes of media encoded per step: a multiple of 3, so no step but the last needs Base64 padding.</summary>
    internal const int InputChunkBytes = 48 * 1024;

    private const int OutputChunkBytes = InputChunkBytes / 3 * 4;

    private readonly ReadOnlyMemory<byte> _json;
    private readonly List<(int Start, int Length, MediaPayload? Media)> _parts = [];
    private long?[]? _mediaLengths;

    public JsonMediaContent(ReadOnlyMemory<byte> json, IReadOnlyList<MediaPayload> media)
    {
        ArgumentNullException.ThrowIfNull(media);
        _json = json;
        Split(json.Span, media);
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var lengths = MediaLengths();
        var input = ArrayPool<byte>.Shared.Rent(InputChunkBytes);
        var output = ArrayPool<byte>.Shared.Rent(OutputChunkBytes);
        try
        {
            for (var i = 0; i < _parts.Count; i++)
            {
                var (start, length, media) = _parts[i];
                if (media is null)
                {
                    await stream.WriteAsync(_json.Slice(start, length), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var written = await WriteMediaAsync(stream, media, input, output, cancellationToken).ConfigureAwait(false);
                if (lengths[i] is { } expected && written != expected)
                {
                    // The declared Content-Length would be wrong: fail rather than send a body the server misreads.
                    throw new IOException(string.Create(CultureInfo.InvariantCulture,
                        $"The {media.Source} changed while it was being sent: {written:N0} characters of Base64 were written instead of {expected:N0}."));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        var lengths = MediaLengths();
        for (var i = 0; i < _parts.Count; i++)
        {
            if (_parts[i].Media is null)
            {
                length += _parts[i].Length;
            }
            else if (lengths[i] is { } mediaLength)
            {
                length += mediaLength;
            }
            else
            {
                length = 0;
                return false;
            }
        }

        return true;
    }

    /// <summary>The exact number of bytes a media part writes (prefix + Base64), when its content length is known.</summary>
    internal static long? EncodedLength(MediaPayload media)
    {
        long? base64 = media.Source is Base64MediaSource text
            ? text.SignificantLength
            : MediaSourceOpener.TryGetLength(media.Source) is { } bytes ? (bytes + 2) / 3 * 4 : null;
        return base64 + media.Prefix.Length;
    }

    /// <summary>Measured once per content, so Content-Length and the written-length check agree.</summary>
    private long?[] MediaLengths() =>
        _mediaLengths ??= _parts.Select(p => p.Media is null ? (long?)p.Length : EncodedLength(p.Media)).ToArray();

    /// <summary>Cuts the JSON at every placeholder occurrence (each one is a literal part, a media part, a literal part...).</summary>
    private void Split(ReadOnlySpan<byte> json, IReadOnlyList<MediaPayload> media)
    {
        var needles = media.Select(m => (Bytes: Encoding.UTF8.GetBytes(m.Placeholder), Media: m)).ToArray();
        var found = new bool[needles.Length];
        var position = 0;
        while (true)
        {
            var next = -1;
            var which = -1;
            for (var i = 0; i < needles.Length; i++)
            {
                var at = json[position..].IndexOf(needles[i].Bytes);
                if (at >= 0 && (next < 0 || at < next))
                {
                    (next, which) = (at, i);
                }
            }

            if (which < 0)
            {
                break;
            }

            if (next > 0)
            {
                _parts.Add((position, next, null));
            }

            _parts.Add((0, 0, needles[which].Media));
            found[which] = true;
            position += next + needles[which].Bytes.Length;
        }

        if (position < json.Length)
        {
            _parts.Add((position, json.Length - position, null));
        }

        var missing = Array.IndexOf(found, false);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"The request JSON does not carry the placeholder for the {needles[missing].Media.Source}; the media field was not serialized.");
        }
    }

    private static async Task<long> WriteMediaAsync(Stream destination, MediaPayload media, byte[] input, byte[] output, CancellationToken cancellationToken)
    {
        long written = media.Prefix.Length;
        if (media.Prefix.Length > 0)
        {
            await destination.WriteAsync(media.Prefix, cancellationToken).ConfigureAwait(false);
        }

        switch (media.Source)
        {
            case Base64MediaSource text:
                return written + await WriteBase64TextAsync(destination, text, output, cancellationToken).ConfigureAwait(false);
            case BytesMediaSource bytes:
                return written + await EncodeMemoryAsync(destination, bytes.Bytes, output, cancellationToken).ConfigureAwait(false);
            default:
                var stream = await MediaSourceOpener.OpenAsync(media.Source, sequential: true, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return written + await EncodeStreamAsync(destination, stream, input, output, cancellationToken).ConfigureAwait(false);
                }
        }
    }

    private static async Task<long> EncodeMemoryAsync(Stream destination, ReadOnlyMemory<byte> bytes, byte[] output, CancellationToken cancellationToken)
    {
        long written = 0;
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(InputChunkBytes, bytes.Length);
            var count = Encode(bytes.Span[..take], output, isFinalBlock: take == bytes.Length);
            await destination.WriteAsync(output.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            written += count;
            bytes = bytes[take..];
        }

        return written;
    }

    private static async Task<long> EncodeStreamAsync(Stream destination, Stream source, byte[] input, byte[] output, CancellationToken cancellationToken)
    {
        long written = 0;
        while (true)
        {
            // Fill the whole chunk (streams may return less per read) so every chunk but the last is a multiple of 3.
            var filled = await source.ReadAtLeastAsync(input.AsMemory(0, InputChunkBytes), InputChunkBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled == 0)
            {
                return written;
            }

            var isFinal = filled < InputChunkBytes;
            var count = Encode(input.AsSpan(0, filled), output, isFinal);
            await destination.WriteAsync(output.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            written += count;
            if (isFinal)
            {
                return written;
            }
        }
    }

    private static int Encode(ReadOnlySpan<byte> chunk, byte[] output, bool isFinalBlock)
    {
        var status = Base64.EncodeToUtf8(chunk, output, out var consumed, out var count, isFinalBlock);
        if (status != OperationStatus.Done || consumed != chunk.Length)
        {
            throw new InvalidOperationException($"Base64 encoding stopped with {status} after {consumed} of {chunk.Length} bytes.");
        }

        return count;
    }

    /// <summary>Copies Base64 text as ASCII bytes, leaving out line breaks (a JSON string cannot hold them raw).</summary>
    private static async Task<long> WriteBase64TextAsync(Stream destination, Base64MediaSource text, byte[] output, CancellationToken cancellationToken)
    {
        long written = 0;
        var payload = text.Payload;
        while (!payload.IsEmpty)
        {
            var count = 0;
            var consumed = 0;
            var span = payload.Span;
            while (consumed < span.Length && count < OutputChunkBytes)
            {
                var c = span[consumed++];
                if (Base64MediaSource.IsWhitespace(c))
                {
                    continue;
                }

                // Validation has checked the alphabet; refuse anything that could break out of the JSON string anyway.
                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
                {
                    throw new InvalidDataException("The Base64 text is not valid Base64.");
                }

                output[count++] = (byte)c;
            }

            await destination.WriteAsync(output.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            written += count;
            payload = payload[consumed..];
        }

        return written;
    }
}
