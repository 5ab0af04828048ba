using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>A video generation as AIMLAPI reports it, on create (often just the id and <c>queued</c>) and on every query.</summary>
public sealed record AimlApiVideoGeneration
{
    /// <summary><c>id</c>: the generation id (a UUID-like string or a nanoid); query with it as <c>generation_id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>status</c>: <c>queued</c>, <c>waiting</c>, <c>generating</c>, <c>completed</c> or <c>error</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>video</c>: the result, once <c>completed</c>.</summary>
    [JsonPropertyName("video")]
    public AimlApiVideo? Video { get; init; }

    /// <summary><c>error</c>: why the generation failed, when <c>status</c> is <c>error</c>.</summary>
    [JsonPropertyName("error")]
    public AimlApiGenerationError? Error { get; init; }

    /// <summary><c>meta</c>: usage, including the credits charged.</summary>
    [JsonPropertyName("meta")]
    public AimlApiMeta? Meta { get; init; }
}
