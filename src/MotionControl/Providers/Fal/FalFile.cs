using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>A file fal hosts (fal-js <c>File</c>): its URL, type, name and size.</summary>
public sealed record FalFile
{
    /// <summary><c>url</c>: where the file can be downloaded (no credentials needed); <see langword="null"/> when not an absolute URL.</summary>
    [JsonPropertyName("url")]
    [JsonConverter(typeof(AbsoluteUrlConverter))]
    public Uri? Url { get; init; }

    /// <summary><c>content_type</c>: the MIME type, for example <c>video/mp4</c>.</summary>
    [JsonPropertyName("content_type")]
    public string? ContentType { get; init; }

    /// <summary><c>file_name</c>: the file's name.</summary>
    [JsonPropertyName("file_name")]
    public string? FileName { get; init; }

    /// <summary><c>file_size</c>: the size in bytes.</summary>
    [JsonPropertyName("file_size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? FileSize { get; init; }
}
