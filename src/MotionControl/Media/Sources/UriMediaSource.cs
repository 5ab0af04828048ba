namespace MotionControl.Media;

internal sealed class UriMediaSource(Uri uri) : MediaSource
{
    public override MediaSourceKind Kind => MediaSourceKind.Uri;

    public override Uri Uri { get; } = uri;

    // Query strings of pre-signed URLs are credentials: never print them.
    public override string ToString() => $"URL '{Uri.GetLeftPart(UriPartial.Path)}'";
}
