namespace MotionControl.Media;

/// <summary>What an <see cref="IMediaUploader"/> is asked to store.</summary>
public sealed record MediaUploadRequest
{
    /// <summary>The content, positioned at its start. Owned by the SDK: do not dispose it.</summary>
    public required Stream Content { get; init; }

    /// <summary>A file name for the object (the caller's, or one made from the format, such as <c>image.png</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>The MIME type sniffed from the bytes, for example <c>video/mp4</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The length in bytes, when known.</summary>
    public long? Length { get; init; }

    /// <summary>The request field: <c>Image</c> or <c>Video</c>.</summary>
    public required string Field { get; init; }
}
