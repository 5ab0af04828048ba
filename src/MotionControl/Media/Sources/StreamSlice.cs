namespace MotionControl.Media;

/// <summary>
/// A read-only window on a caller's seekable stream, from where the caller left it (<c>StartPosition</c>) to its end.
/// It re-positions the caller's stream before every read, so probe, send and upload each see the content from byte 0,
/// and disposing the window never disposes the caller's stream.
/// </summary>
internal sealed class StreamSlice : ReadOnlySeekableStream
{
    private readonly Stream _inner;
    private readonly long _start;
    private long _position;

    public StreamSlice(Stream inner, long start)
    {
        _inner = inner;
        _start = start;
        Length = Math.Max(0, inner.Length - start);
    }

    /// <summary>The content's length when the window was opened.</summary>
    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var count = Prepare(buffer.Length);
        if (count == 0)
        {
            return 0;
        }

        var read = _inner.Read(buffer[..count]);
        _position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = Prepare(buffer.Length);
        if (count == 0)
        {
            return 0;
        }

        var read = await _inner.ReadAsync(buffer[..count], cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    private int Prepare(int wanted)
    {
        var remaining = Length - _position;
        if (remaining <= 0 || wanted == 0)
        {
            return 0;
        }

        var target = _start + _position;
        if (_inner.Position != target)
        {
            _inner.Position = target;
        }

        return (int)Math.Min(wanted, remaining);
    }
}
