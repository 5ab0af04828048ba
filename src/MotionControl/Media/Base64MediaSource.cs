namespace MotionControl.Media;

internal sealed class Base64MediaSource(string text) : MediaSource
{
    public override MediaSourceKind Kind => MediaSourceKind.Base64;

    /// <summary>The text as given: raw Base64 or a data URI.</summary>
    public string Text { get; } = text;

    public override string ToString() => $"Base64 text ({Text.Length} characters)";
}
