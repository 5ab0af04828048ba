using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>One entry of <c>element_list</c>: an element from the Kling element library.</summary>
public sealed record KlingElement
{
    /// <summary>
    /// <c>element_id</c>: a 64-bit integer sent as a JSON number. Real ids exceed 2^53 (for example
    /// <c>829836802793406551</c>), so it is a <see cref="long"/>, never a <see cref="double"/>.
    /// </summary>
    [JsonPropertyName("element_id")]
    public required long ElementId { get; init; }
}
