namespace MotionControl.Media;

internal sealed class FileMediaSource(string path) : MediaSource
{
    public override MediaSourceKind Kind => MediaSourceKind.File;

    public string Path { get; } = path;

    public override string FileName => Path;

    public override string ToString() => $"file '{System.IO.Path.GetFileName(Path)}'";
}
