using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// A Vydra job as <c>GET api/v1/jobs/{id}</c> and the job list report it. Vydra's shape has varied, so the result URL is
/// also looked for at the top level (<see cref="VideoUrl"/>, <see cref="Url"/>) and the id under <see cref="JobId"/>.
/// </summary>
public sealed record VydraJob
{
    /// <summary><c>id</c>: the job's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>jobId</c>: the job's id, as the create reply names it.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    /// <summary><c>status</c>: <c>pending</c>, <c>running</c>, <c>processing</c>, <c>completed</c>, <c>failed</c>, <c>error</c> or <c>cancelled</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>progress</c>: percent done, 0–100.</summary>
    [JsonPropertyName("progress")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Progress { get; init; }

    /// <summary><c>statusMessage</c>: Vydra's words about the current state (on failure, often the reason).</summary>
    [JsonPropertyName("statusMessage")]
    public string? StatusMessage { get; init; }

    /// <summary><c>message</c>: a further message, the last resort for a failure reason.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>error</c>: why the job failed; a string, or an object whose <c>message</c> or <c>detail</c> is kept here.</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    /// <summary><c>creditsCharged</c>: the credits taken.</summary>
    [JsonPropertyName("creditsCharged")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? CreditsCharged { get; init; }

    /// <summary><c>workflowSlug</c>: the kind of job (the job list holds every kind, not only motion control).</summary>
    [JsonPropertyName("workflowSlug")]
    public string? WorkflowSlug { get; init; }

    /// <summary><c>output</c>: the result, once <c>completed</c>.</summary>
    [JsonPropertyName("output")]
    public VydraJobOutput? Output { get; init; }

    /// <summary><c>videoUrl</c>: the result URL, when a reply puts it at the top level.</summary>
    [JsonPropertyName("videoUrl")]
    public string? VideoUrl { get; init; }

    /// <summary><c>url</c>: the result URL, when a reply puts it at the top level under this name.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>createdAt</c>: when the job was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>updatedAt</c>: when the job last changed, when given.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary><c>completedAt</c>: when the job finished.</summary>
    [JsonPropertyName("completedAt")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The job id, under whichever name it came.</summary>
    internal string? ResolveId() => !string.IsNullOrWhiteSpace(Id) ? Id : !string.IsNullOrWhiteSpace(JobId) ? JobId : null;

    /// <summary>The result URL: <c>output.videoUrl</c>, else <c>output.url</c>, else <c>videoUrl</c>, else <c>url</c>.</summary>
    internal Uri? ResolveVideoUrl()
    {
        foreach (var candidate in (ReadOnlySpan<string?>)[Output?.VideoUrl, Output?.Url, VideoUrl, Url])
        {
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var url))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>Why the job failed: <c>error</c>, else <c>statusMessage</c>, else <c>message</c>.</summary>
    internal string? ResolveFailureReason() =>
        !string.IsNullOrWhiteSpace(Error) ? Error : !string.IsNullOrWhiteSpace(StatusMessage) ? StatusMessage : !string.IsNullOrWhiteSpace(Message) ? Message : null;
}
