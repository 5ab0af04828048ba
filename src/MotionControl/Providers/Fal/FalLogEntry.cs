using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>One runner log line of a queue status (<c>{message, level, source, timestamp}</c>).</summary>
public sealed record FalLogEntry
{
    /// <summary><c>message</c>: the line.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>level</c>: <c>INFO</c>, <c>ERROR</c>, ...</summary>
    [JsonPropertyName("level")]
    public string? Level { get; init; }

    /// <summary><c>source</c>: for example <c>stdout</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary><c>timestamp</c>: when it was written, as fal sends it.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }
}
