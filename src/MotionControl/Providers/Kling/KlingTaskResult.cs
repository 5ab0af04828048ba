using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary><c>task_result</c> of a Kling task.</summary>
public sealed record KlingTaskResult
{
    /// <summary><c>videos</c>: the generated videos (one for motion control).</summary>
    [JsonPropertyName("videos")]
    public IReadOnlyList<KlingVideo>? Videos { get; init; }
}
