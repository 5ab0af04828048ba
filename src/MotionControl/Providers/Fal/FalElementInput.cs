using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>One element of a v3 request (fal-js <c>ElementInput</c>): a frontal picture and up to three more.</summary>
public sealed record FalElementInput
{
    /// <summary><c>frontal_image_url</c>: the frontal picture (main view) of the character.</summary>
    [JsonPropertyName("frontal_image_url")]
    public string? FrontalImageUrl { get; init; }

    /// <summary><c>reference_image_urls</c>: 0–3 pictures from other angles.</summary>
    [JsonPropertyName("reference_image_urls")]
    public IReadOnlyList<string>? ReferenceImageUrls { get; init; }
}
