using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>The body of a multipart upload's completion: <c>{parts: [{partNumber, etag}]}</c>.</summary>
internal sealed record FalUploadCompletion
{
    /// <summary><c>parts</c>: every part, in order.</summary>
    [JsonPropertyName("parts")]
    public required IReadOnlyList<FalUploadPart> Parts { get; init; }
}
