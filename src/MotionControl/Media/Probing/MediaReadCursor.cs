using System.Buffers;
using System.Globalization;

namespace MotionControl.Media;

/// <summary>
/// The only way the header readers touch a file: a read-ahead buffer over the stream that counts what it reads and
/// refuses to read more header bytes than <see cref="MediaReadLimits.MaxHeaderBytes"/>. Seeks are lazy (they only move
/// <see cref="Position"/>), so skipping a 100 MB <c>mdat</c> costs nothing on a seekable stream; on a non-seekable one
/// the skipped bytes are read and discarded, which costs time but no memory.
/// </summary>
/// <remarks>Positions are relative to where the stream stood when the cursor was created.</remarks>
internal sealed class MediaReadCursor : IDisposable
{
    /// <summary>
    /// Bytes fetched per refill: a box header needs 8–32 bytes, a JPEG segment header 4, so a small read-ahead keeps both
    /// the syscall count and the bytes read low.
    /// </summary>
    internal const int ReadAheadBytes = 8 * 1024;

    private readonly Stream _stream;
    private readonly long _origin;
    private readonly long _maxHeaderBytes;
    private byte[]? _buffer;
    private long _bufferStart;
    private int _bufferCount;
    private long _streamPosition;
    private long _headerBytes;

    public MediaReadCursor(Stream stream, long maxHeaderBytes = MediaReadLimits.MaxHeaderBytes)
    {
        _stream = stream;
        _maxHeaderBytes = maxHeaderBytes;
        CanSeek = stream.CanSeek;
        if (CanSeek)
        {
            _origin = stream.Position;
            Length = Math.Max(0, stream.Length - _origin);
        }

        _buffer = ArrayPool<byte>.Shared.Rent(ReadAheadBytes);
    }

    /// <summary>True when skipping is a seek rather than a read-and-discard.</summary>
    public bool CanSeek { get; }

    /// <summary>The content's length when the stream can tell it (seekable streams).</summary>
    public long? Length { get; }

    /// <summary>Where the content was seen to end, once a read reached its end; otherwise <see cref="Length"/>.</summary>
    public long? KnownEnd { get; private set; }

    /// <summary>Where the next read starts.</summary>
    public long Position { get; private set; }

    /// <summary>Every byte read from the underlying stream, including bytes read only to skip them.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The content's length if known, else the best lower bound: the furthest byte read.</summary>
    public long? ByteSize => Length ?? KnownEnd;

    /// <summary>Moves to <paramref name="position"/>; nothing is read until the next read.</summary>
    public void Seek(long position)
    {
        if (position < 0)
        {
            throw new MediaProblemException("a size field points before the start of the file");
        }

        Position = position;
    }

    /// <summary>Reads up to <paramref name="destination"/>'s length; fewer bytes only at the end of the content.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (!destination.IsEmpty)
        {
            if (Position >= _bufferStart && Position < _bufferStart + _bufferCount)
            {
                var offset = (int)(Position - _bufferStart);
                var count = Math.Min(_bufferCount - offset, destination.Length);
                Buffer.AsMemory(offset, count).CopyTo(destination);
                destination = destination[count..];
                Position += count;
                total += count;
                continue;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Reads exactly <paramref name="destination"/>'s length, or reports that the file ends inside <paramref name="what"/>.</summary>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, string what, CancellationToken cancellationToken)
    {
        var start = Position;
        var read = await ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        if (read < destination.Length)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"the file is truncated: it ends at byte {start + read:N0}, inside {what} (which starts at byte {start:N0})"));
        }
    }

    /// <summary>The next byte, or -1 at the end of the content. Served from the read-ahead without an await in the common case.</summary>
    public ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (Position >= _bufferStart && Position < _bufferStart + _bufferCount)
        {
            var value = Buffer[(int)(Position - _bufferStart)];
            Position++;
            return new ValueTask<int>(value);
        }

        return SlowReadByteAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(MediaReadCursor));

    private async ValueTask<int> SlowReadByteAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            return -1;
        }

        var value = Buffer[(int)(Position - _bufferStart)];
        Position++;
        return value;
    }

    /// <summary>Refills the read-ahead so that it starts at <see cref="Position"/>; false at the end of the content.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Length is { } length && Position >= length)
        {
            return false;
        }

        if (KnownEnd is { } end && Position >= end)
        {
            return false;
        }

        if (_streamPosition != Position)
        {
            if (CanSeek)
            {
                _stream.Seek(_origin + Position, SeekOrigin.Begin);
                _streamPosition = Position;
            }
            else if (Position < _streamPosition)
            {
                // The readers walk forward only; going back is possible only within the read-ahead, handled above.
                throw new MediaProblemException("a box points back into bytes a non-seekable stream has already passed");
            }
            else if (!await DiscardAsync(Position - _streamPosition, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        var want = ReadAheadBytes;
        if (Length is { } known)
        {
            want = (int)Math.Min(want, known - Position);
        }

        if (_headerBytes + want > _maxHeaderBytes)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"its headers would need more than {_maxHeaderBytes / (1024 * 1024)} MiB to be read, more than any real MP4/MOV or image header needs"));
        }

        var buffer = Buffer;
        var read = await _stream.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        _headerBytes += read;
        BytesRead += read;
        _streamPosition += read;
        _bufferStart = Position;
        _bufferCount = read;
        if (read < want)
        {
            KnownEnd = Position + read;
        }

        return read > 0;
    }

    /// <summary>Reads and drops <paramref name="count"/> bytes of a non-seekable stream; false if it ends first.</summary>
    private async ValueTask<bool> DiscardAsync(long count, CancellationToken cancellationToken)
    {
        var buffer = Buffer;
        _bufferCount = 0;
        while (count > 0)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                KnownEnd = _streamPosition;
                return false;
            }

            BytesRead += read;
            _streamPosition += read;
            count -= read;
        }

        return true;
    }
}
