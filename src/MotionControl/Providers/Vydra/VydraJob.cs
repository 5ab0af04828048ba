using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// A Vydra job as <c>GET api/v1/jobs/{id}</c> and the job list report it. Vydra's shape has varied, so each concept is
/// one property filled from whichever name the reply used: <see cref="Id"/> from <c>id</c> or <c>jobId</c>,
/// <see cref="VideoUrl"/> from <c>output</c> or the top level, <see cref="Error"/> from <c>error</c> or (on a failed
/// job) <c>statusMessage</c> or <c>message</c>.
/// </summary>
// Tolerant reader: each public property carries the primary wire name, and the other names the vendor may use are
// internal [JsonInclude] members (source-generated like the rest); the public getter prefers the primary field and
// falls back to the aliases. The record stays immutable (init) and constructible with the public properties alone.
public sealed record VydraJob
{
    /// <summary>The job's id (a UUID): <c>id</c>, else <c>jobId</c> (the name the create reply uses); <see langword="null"/> when both are blank.</summary>
    [JsonPropertyName("id")]
    public string? Id
    {
        get => WireAlias.Text(field, JobIdAlias);
        init;
    }

    /// <summary><c>status</c>: <c>pending</c>, <c>running</c>, <c>processing</c>, <c>completed</c>, <c>failed</c>, <c>error</c> or <c>cancelled</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>progress</c>: percent done, 0–100.</summary>
    [JsonPropertyName("progress")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Progress { get; init; }

    /// <summary>
    /// <c>statusMessage</c>: Vydra's words about the job's current state, in any state (while running, what it is doing).
    /// Not the failure reason as such: that is <see cref="Error"/>, which falls back to this text only once the job failed.
    /// </summary>
    [JsonPropertyName("statusMessage")]
    public string? StatusMessage { get; init; }

    /// <summary>
    /// Why the job failed or was cancelled: <c>error</c> (a string, or an object whose <c>message</c> or <c>detail</c> is
    /// kept); when that is blank and <see cref="Status"/> says the job failed or was cancelled, <see cref="StatusMessage"/>,
    /// else <c>message</c>. <see langword="null"/> when none applies, as for a job still running.
    /// </summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error
    {
        get => ErrorOf(field, Status, StatusMessage, MessageAlias);
        init;
    }

    /// <summary><c>creditsCharged</c>: the credits taken.</summary>
    [JsonPropertyName("creditsCharged")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? CreditsCharged { get; init; }

    /// <summary><c>workflowSlug</c>: the kind of job (the job list holds every kind, not only motion control).</summary>
    [JsonPropertyName("workflowSlug")]
    public string? WorkflowSlug { get; init; }

    /// <summary><c>output</c>: the result, once <c>completed</c> (its URL is also <see cref="VideoUrl"/>).</summary>
    [JsonPropertyName("output")]
    public VydraJobOutput? Output { get; init; }

    /// <summary>
    /// Where to download the video: <c>output.videoUrl</c>, else <c>output.url</c> (see <see cref="VydraJobOutput.VideoUrl"/>),
    /// else the top-level <c>videoUrl</c>, else the top-level <c>url</c>. Only absolute URLs count; <see langword="null"/> when none is given.
    /// </summary>
    [JsonPropertyName("videoUrl")]
    [JsonConverter(typeof(AbsoluteUrlConverter))]
    public Uri? VideoUrl
    {
        get => Output?.VideoUrl ?? field ?? UrlAlias;
        init;
    }

    /// <summary><c>createdAt</c>: when the job was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>updatedAt</c>: when the job last changed, when given.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary><c>completedAt</c>: when the job finished.</summary>
    [JsonPropertyName("completedAt")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Wire alias of <see cref="Id"/>: <c>jobId</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("jobId")]
    internal string? JobIdAlias { get; init; }

    /// <summary>Wire alias of <see cref="Error"/>, its last resort: <c>message</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("message")]
    internal string? MessageAlias { get; init; }

    /// <summary>Wire alias of <see cref="VideoUrl"/>, its last resort: the top-level <c>url</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("url")]
    [JsonConverter(typeof(AbsoluteUrlConverter))]
    internal Uri? UrlAlias { get; init; }

    /// <summary>Whether <paramref name="status"/> is a word Vydra uses for a failed or cancelled job (the neutral client's own mapping).</summary>
    /// <param name="status">Vydra's word.</param>
    /// <returns>True for a failed or cancelled job.</returns>
    internal static bool HasFailed(string? status) =>
        VendorStatus.TryMap(status, VydraVendor.Descriptor.Statuses, out var mapped) && mapped is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled;

    /// <summary><see cref="Error"/> from the members it is made of (also for the neutral reader, which reads them without this DTO).</summary>
    /// <param name="error"><c>error</c>, as read.</param>
    /// <param name="status"><c>status</c>.</param>
    /// <param name="statusMessage"><c>statusMessage</c>.</param>
    /// <param name="message"><c>message</c>.</param>
    /// <returns>The failure reason, or <see langword="null"/>.</returns>
    internal static string? ErrorOf(string? error, string? status, string? statusMessage, string? message) =>
        WireAlias.Text(error) ?? (HasFailed(status) ? WireAlias.Text(statusMessage, message) : null);
}
