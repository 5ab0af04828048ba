using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>The <c>output</c> of a completed Vydra job.</summary>
public sealed record VydraJobOutput
{
    /// <summary><c>videoUrl</c>: where to download the video.</summary>
    [JsonPropertyName("videoUrl")]
    public string? VideoUrl { get; init; }

    /// <summary><c>url</c>: the result URL under another name some replies use.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>durationSeconds</c>: the video's length in seconds.</summary>
    [JsonPropertyName("durationSeconds")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? DurationSeconds { get; init; }
}
