using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>The <c>meta</c> of an AIMLAPI generation.</summary>
public sealed record AimlApiMeta
{
    /// <summary><c>usage</c>: what the generation cost.</summary>
    [JsonPropertyName("usage")]
    public AimlApiUsage? Usage { get; init; }
}
