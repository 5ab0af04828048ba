namespace MotionControl.Jobs.Journal;

/// <summary>A medium as the journal keeps it: a file by path, size and SHA-256; a URL; or inline Base64.</summary>
internal sealed record JournaledMedia
{
    public required MediaSourceKind Kind { get; init; }

    public string? Uri { get; init; }

    public string? Path { get; init; }

    public long? Size { get; init; }

    public string? Sha256 { get; init; }

    /// <summary>Bytes (as Base64) or the caller's Base64 text, as given.</summary>
    public string? Inline { get; init; }

    public string? FileName { get; init; }
}
