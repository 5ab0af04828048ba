using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>The body of <c>POST {storage}/storage/upload/initiate</c> (as fal-js <c>storage.ts</c> sends it).</summary>
public sealed record FalUploadInitiation
{
    /// <summary><c>content_type</c>: the file's MIME type.</summary>
    [JsonPropertyName("content_type")]
    public required string ContentType { get; init; }

    /// <summary><c>file_name</c>: the file's name.</summary>
    [JsonPropertyName("file_name")]
    public required string FileName { get; init; }
}
