using System.Text.Json.Serialization;

namespace MotionControl.Benchmarks;

/// <summary>What a hand-written Vydra client would declare: the create body and the two replies it reads.</summary>
public sealed record RawVydraCreate(
    [property: JsonPropertyName("image_url")] string ImageUrl,
    [property: JsonPropertyName("video_url")] string VideoUrl,
    [property: JsonPropertyName("prompt")] string Prompt);

public sealed record RawVydraCreated([property: JsonPropertyName("jobId")] string? JobId, [property: JsonPropertyName("status")] string? Status);

public sealed record RawVydraOutput([property: JsonPropertyName("videoUrl")] string? VideoUrl);

public sealed record RawVydraJob(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("progress")] int? Progress,
    [property: JsonPropertyName("output")] RawVydraOutput? Output);

/// <summary>What a hand-written Kling client would declare: the legacy create body and the envelope of both replies.</summary>
public sealed record RawKlingCreate(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("image_url")] string ImageUrl,
    [property: JsonPropertyName("video_url")] string VideoUrl,
    [property: JsonPropertyName("character_orientation")] string CharacterOrientation,
    [property: JsonPropertyName("mode")] string Mode);

public sealed record RawKlingTask([property: JsonPropertyName("task_id")] string? TaskId, [property: JsonPropertyName("task_status")] string? TaskStatus);

public sealed record RawKlingEnvelope(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] RawKlingTask? Data);

/// <summary>The naive Base64 body: a Kling-shaped create with the image as one big string.</summary>
public sealed record NaiveKlingCreate(
    [property: JsonPropertyName("image_url")] string ImageUrl,
    [property: JsonPropertyName("video_url")] string VideoUrl,
    [property: JsonPropertyName("character_orientation")] string CharacterOrientation,
    [property: JsonPropertyName("mode")] string Mode);

[JsonSerializable(typeof(RawVydraCreate))]
[JsonSerializable(typeof(RawVydraCreated))]
[JsonSerializable(typeof(RawVydraJob))]
[JsonSerializable(typeof(NaiveKlingCreate))]
[JsonSerializable(typeof(RawKlingCreate))]
[JsonSerializable(typeof(RawKlingEnvelope))]
internal sealed partial class RawJsonContext : JsonSerializerContext
{
}
