namespace MotionControl.Media;

internal sealed class StreamMediaSource(Stream stream, string? fileName) : MediaSource
{
    public override MediaSourceKind Kind => MediaSourceKind.Stream;

    public Stream Stream { get; } = stream;

    /// <summary>Where the caller's stream stood when it was handed over; seekable streams are rewound here before each read.</summary>
    public long? StartPosition { get; } = stream.CanSeek ? stream.Position : null;

    public override string? FileName { get; } = fileName;

    public override string ToString() => FileName is null ? "stream" : $"stream '{FileName}'";
}
