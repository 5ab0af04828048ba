using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's 202 Accepted reply to a motion-control create.</summary>
public sealed record VydraCreateJobResponse
{
    /// <summary><c>jobId</c>: the job's id (a UUID); poll <c>api/v1/jobs/{jobId}</c>.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    /// <summary><c>id</c>: the job's id under the name the job endpoints use, should a reply carry it instead of <see cref="JobId"/>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>status</c>: <c>pending</c> on creation.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>message</c>: Vydra's words about the job.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary><c>creditsCharged</c>: the credits taken (refunded automatically if the job fails).</summary>
    [JsonPropertyName("creditsCharged")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? CreditsCharged { get; init; }

    /// <summary><c>externalJobId</c>: Vydra's upstream (fal.ai) id. <b>Not</b> an id of yours, and not queryable at Vydra.</summary>
    [JsonPropertyName("externalJobId")]
    public string? ExternalJobId { get; init; }

    /// <summary><c>input</c>: the inputs as Vydra understood them (URLs may be shortened).</summary>
    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    /// <summary>The job id, under whichever name it came.</summary>
    internal string? ResolveId() => !string.IsNullOrWhiteSpace(JobId) ? JobId : !string.IsNullOrWhiteSpace(Id) ? Id : null;
}
