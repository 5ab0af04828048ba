using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// One entry of <c>task_result.elements</c>: an element (custom or preset). Bind it to a motion-control task on
/// <c>kling-v3</c> by its <see cref="ElementId"/> (<see cref="KlingElement"/> in <c>element_list</c>, or
/// <see cref="MotionControlRequest.ElementId"/>).
/// </summary>
public sealed record KlingElementInfo
{
    /// <summary>
    /// <c>element_id</c>: a JSON number on the page (a string is read too). A 64-bit integer: real ids exceed 2^53, so it is
    /// a <see cref="long"/>. Send it as a string to <c>delete-advanced-elements</c>.
    /// </summary>
    [JsonPropertyName("element_id")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ElementId { get; init; }

    /// <summary><c>element_name</c>: the element's name.</summary>
    [JsonPropertyName("element_name")]
    public string? ElementName { get; init; }

    /// <summary><c>element_description</c>: the element's description.</summary>
    [JsonPropertyName("element_description")]
    public string? ElementDescription { get; init; }

    /// <summary><c>reference_type</c>: <c>image_refer</c> or <c>video_refer</c>.</summary>
    [JsonPropertyName("reference_type")]
    public string? ReferenceType { get; init; }

    /// <summary><c>element_image_list</c>: the images the element was made from (empty on the page's example).</summary>
    [JsonPropertyName("element_image_list")]
    public KlingElementImageList? ElementImageList { get; init; }

    /// <summary><c>element_video_list</c>: the video the element was made from (empty on the page's example).</summary>
    [JsonPropertyName("element_video_list")]
    public KlingElementVideoList? ElementVideoList { get; init; }

    /// <summary><c>element_voice_info</c>: the voice bound to the element, if any.</summary>
    [JsonPropertyName("element_voice_info")]
    public KlingElementVoiceInfo? ElementVoiceInfo { get; init; }

    /// <summary><c>tag_list</c>: the element's tags.</summary>
    [JsonPropertyName("tag_list")]
    public IReadOnlyList<KlingElementTag>? TagList { get; init; }

    /// <summary><c>owned_by</c>: <c>kling</c> for Kling's official library, otherwise the creator (a number is read as its text).</summary>
    [JsonPropertyName("owned_by")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? OwnedBy { get; init; }

    /// <summary><c>status</c>: <c>succeed</c> while usable, <c>deleted</c> once removed.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

/// <summary><c>element_voice_info</c>: a voice bound to an element.</summary>
public sealed record KlingElementVoiceInfo
{
    /// <summary><c>voice_id</c>: the voice's id, globally unique.</summary>
    [JsonPropertyName("voice_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? VoiceId { get; init; }

    /// <summary><c>voice_name</c>: the voice's name.</summary>
    [JsonPropertyName("voice_name")]
    public string? VoiceName { get; init; }

    /// <summary><c>trial_url</c>: where to download a sample of the voice.</summary>
    [JsonPropertyName("trial_url")]
    public string? TrialUrl { get; init; }

    /// <summary><c>owned_by</c>: <c>kling</c> for an official voice, otherwise the creator's id (a number is read as its text).</summary>
    [JsonPropertyName("owned_by")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? OwnedBy { get; init; }
}
