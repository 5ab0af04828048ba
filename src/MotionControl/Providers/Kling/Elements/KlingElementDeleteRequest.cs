using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The body of <c>POST /v1/general/delete-advanced-elements</c>. Kling's page:
/// https://kling.ai/document-api/api/video/3-0-omni/elements ("Delete Custom Element").
/// </summary>
public sealed record KlingElementDeleteRequest
{
    /// <summary><c>element_id</c> (required): the element to delete, as a string; only custom elements can be deleted.</summary>
    [JsonPropertyName("element_id")]
    public required string ElementId { get; init; }
}
