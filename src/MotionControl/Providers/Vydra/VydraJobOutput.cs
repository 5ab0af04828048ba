using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>The <c>output</c> of a completed Vydra job.</summary>
// Tolerant reader, as in VydraJob: the public property carries the primary wire name, the alias is an internal
// [JsonInclude] member, and the getter prefers the primary field.
public sealed record VydraJobOutput
{
    /// <summary>Where to download the video: <c>videoUrl</c>, else <c>url</c> (the name some replies use). Only absolute URLs count.</summary>
    [JsonPropertyName("videoUrl")]
    [JsonConverter(typeof(AbsoluteUrlConverter))]
    public Uri? VideoUrl
    {
        get => field ?? UrlAlias;
        init;
    }

    /// <summary><c>durationSeconds</c>: the video's length in seconds.</summary>
    [JsonPropertyName("durationSeconds")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? DurationSeconds { get; init; }

    /// <summary>Wire alias of <see cref="VideoUrl"/>: <c>url</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("url")]
    [JsonConverter(typeof(AbsoluteUrlConverter))]
    internal Uri? UrlAlias { get; init; }
}
