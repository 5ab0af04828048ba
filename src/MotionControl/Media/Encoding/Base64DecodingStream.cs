using System.Buffers;

namespace MotionControl.Media;

/// <summary>
/// A read-only, seekable view of the bytes that Base64 text encodes, decoded a few kilobytes at a time on demand. The
/// probe reads a Base64 source's headers through it (decoding only the head and the <c>moov</c>, never the whole text),
/// and an uploader gets it as the content stream.
/// </summary>
internal sealed class Base64DecodingStream : ReadOnlySeekableStream
{
    // 1,024 groups of 4 characters decode to 3,072 bytes per step.
    private const int GroupsPerStep = 1024;

    private readonly ReadOnlyMemory<char> _text;
    private readonly bool _hasWhitespace;
    private long _position;

    // Where the next group to decode starts, so sequential reads of text with line breaks do not rescan from the start.
    private long _cachedGroup;
    private int _cachedCharIndex;

    public Base64DecodingStream(ReadOnlyMemory<char> text, bool hasWhitespace, long decodedLength)
    {
        _text = text;
        _hasWhitespace = hasWhitespace;
        Length = decodedLength;
    }

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        var chars = ArrayPool<char>.Shared.Rent(GroupsPerStep * 4);
        var bytes = ArrayPool<byte>.Shared.Rent(GroupsPerStep * 3);
        try
        {
            while (!buffer.IsEmpty && _position < Length)
            {
                var group = _position / 3;
                var skip = (int)(_position % 3);
                var index = CharIndexOf(group);
                var gathered = 0;
                while (gathered < GroupsPerStep * 4 && index < _text.Length)
                {
                    var c = _text.Span[index++];
                    if (!Base64MediaSource.IsWhitespace(c))
                    {
                        chars[gathered++] = c;
                    }
                }

                // Only whole groups decode; the text was validated, so a partial group means it was cut short.
                gathered -= gathered % 4;
                if (gathered == 0 || !Convert.TryFromBase64Chars(chars.AsSpan(0, gathered), bytes, out var decoded))
                {
                    throw new InvalidDataException("The Base64 text is not valid Base64.");
                }

                _cachedGroup = group + (gathered / 4);
                _cachedCharIndex = index;
                var available = decoded - skip;
                if (available <= 0)
                {
                    break;
                }

                var count = Math.Min(available, buffer.Length);
                bytes.AsSpan(skip, count).CopyTo(buffer);
                buffer = buffer[count..];
                _position += count;
                total += count;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return total;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    /// <summary>The index of the first character of 4-character group <paramref name="group"/>.</summary>
    private int CharIndexOf(long group)
    {
        if (!_hasWhitespace)
        {
            return (int)Math.Min(group * 4, _text.Length);
        }

        // With line breaks, walk from the last known group (or from the start when seeking back).
        var (current, index) = group >= _cachedGroup ? (_cachedGroup, _cachedCharIndex) : (0L, 0);
        var span = _text.Span;
        var inGroup = 0;
        while (current < group && index < span.Length)
        {
            if (!Base64MediaSource.IsWhitespace(span[index]))
            {
                if (++inGroup == 4)
                {
                    inGroup = 0;
                    current++;
                }
            }

            index++;
        }

        return index;
    }
}
