using System.Text.Json.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>The body of ModelsLab's fetch call: the API key and nothing else.</summary>
/// <remarks>A class rather than a record, so no generated <c>ToString</c> ever prints the key.</remarks>
internal sealed class ModelsLabFetchRequest
{
    /// <summary><c>key</c>: the API key.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }
}
