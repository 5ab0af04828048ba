using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>The <c>urls</c> of an uploaded file.</summary>
public sealed record ReplicateFileUrls
{
    /// <summary><c>get</c>: the file's API URL; pass it as a model input (<c>image</c>, <c>video</c>).</summary>
    [JsonPropertyName("get")]
    public string? Get { get; init; }
}
