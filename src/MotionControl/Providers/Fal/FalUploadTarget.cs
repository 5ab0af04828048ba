using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>fal storage's reply to an upload initiation: where to PUT the bytes, and the file's URL afterwards.</summary>
public sealed record FalUploadTarget
{
    /// <summary><c>upload_url</c>: a pre-signed address to PUT the bytes to (no fal key is sent there).</summary>
    [JsonPropertyName("upload_url")]
    public string? UploadUrl { get; init; }

    /// <summary><c>file_url</c>: the file's URL once uploaded, to pass to a model.</summary>
    [JsonPropertyName("file_url")]
    public string? FileUrl { get; init; }
}
