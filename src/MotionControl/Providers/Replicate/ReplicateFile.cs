using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>A file uploaded with <c>POST /v1/files</c> (https://replicate.com/docs/reference/http, "files.create").</summary>
public sealed record ReplicateFile
{
    /// <summary><c>id</c>: the file's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>name</c>: the file name it was uploaded under.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>content_type</c>: its MIME type.</summary>
    [JsonPropertyName("content_type")]
    public string? ContentType { get; init; }

    /// <summary><c>size</c>: its length in bytes.</summary>
    [JsonPropertyName("size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? Size { get; init; }

    /// <summary><c>etag</c>: its ETag.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary><c>checksums</c>: checksums by algorithm (<c>sha256</c>, <c>md5</c>).</summary>
    [JsonPropertyName("checksums")]
    public IReadOnlyDictionary<string, string>? Checksums { get; init; }

    /// <summary><c>metadata</c>: what the uploader attached.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    /// <summary><c>created_at</c>: when it was uploaded.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>expires_at</c>: when Replicate deletes it (a day after the upload in Replicate's examples).</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary><c>urls</c>: <c>get</c>, the URL a model input takes.</summary>
    [JsonPropertyName("urls")]
    public ReplicateFileUrls? Urls { get; init; }
}
