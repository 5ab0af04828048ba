namespace MotionControl.Media;

internal sealed class BytesMediaSource(ReadOnlyMemory<byte> bytes, string? fileName) : MediaSource
{
    public override MediaSourceKind Kind => MediaSourceKind.Bytes;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override string? FileName { get; } = fileName;

    public override string ToString() => FileName is null ? $"{Bytes.Length} bytes" : $"'{FileName}' ({Bytes.Length} bytes)";
}
