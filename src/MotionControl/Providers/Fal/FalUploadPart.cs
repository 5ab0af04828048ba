using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>One uploaded part of a multipart upload, as fal storage answers its PUT and as the completion lists it (fal-js <c>storage.ts</c>).</summary>
internal sealed record FalUploadPart
{
    /// <summary><c>partNumber</c>: 1, 2, ...</summary>
    [JsonPropertyName("partNumber")]
    public int PartNumber { get; init; }

    /// <summary><c>etag</c>: the part's tag, sent back in the completion.</summary>
    [JsonPropertyName("etag")]
    public string? Etag { get; init; }
}
