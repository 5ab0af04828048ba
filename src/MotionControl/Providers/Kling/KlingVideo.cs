using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>One generated video in <c>task_result.videos</c>.</summary>
public sealed record KlingVideo
{
    /// <summary><c>id</c>: the video's globally unique id.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; init; }

    /// <summary><c>url</c>: where to download the video. Kling deletes it after 30 days.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>watermark_url</c>: the watermarked copy, when <c>watermark_info.enabled</c> was set.</summary>
    [JsonPropertyName("watermark_url")]
    public string? WatermarkUrl { get; init; }

    /// <summary><c>duration</c>: the length in seconds as a <b>string</b>, for example <c>"5.0"</c>.</summary>
    [JsonPropertyName("duration")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Duration { get; init; }
}
