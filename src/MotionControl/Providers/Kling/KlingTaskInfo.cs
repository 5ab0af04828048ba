using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary><c>task_info</c> of a Kling task.</summary>
public sealed record KlingTaskInfo
{
    /// <summary><c>external_task_id</c>: the client id given at creation, if any.</summary>
    [JsonPropertyName("external_task_id")]
    public string? ExternalTaskId { get; init; }
}
