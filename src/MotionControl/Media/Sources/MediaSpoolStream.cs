using Microsoft.Win32.SafeHandles;

namespace MotionControl.Media;

/// <summary>
/// A read-only, seekable stream over a <see cref="MediaSpool"/>'s file handle, reading at its own position with
/// positional reads, so a probe, a send and an upload can read the same copy at once. It does not own the handle.
/// </summary>
internal sealed class MediaSpoolStream(SafeFileHandle handle, long length) : ReadOnlySeekableStream
{
    private long _position;

    public override long Length { get; } = length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Clamp(Length - _position, 0, buffer.Length);
        if (count == 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(handle, buffer[..count], _position);
        _position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = (int)Math.Clamp(Length - _position, 0, buffer.Length);
        if (count == 0)
        {
            return 0;
        }

        var read = await RandomAccess.ReadAsync(handle, buffer[..count], _position, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

}
