using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's 202 Accepted reply to a motion-control create.</summary>
// Tolerant reader, as in VydraJob: the public property carries the primary wire name, the alias is an internal
// [JsonInclude] member, and the getter prefers the primary field.
public sealed record VydraCreateJobResponse
{
    /// <summary>
    /// The job's id (a UUID); poll <c>api/v1/jobs/{jobId}</c>: <c>jobId</c>, else <c>id</c> (the name the job endpoints use),
    /// should a reply carry that instead; <see langword="null"/> when both are blank.
    /// </summary>
    [JsonPropertyName("jobId")]
    public string? JobId
    {
        get => WireAlias.Text(field, IdAlias);
        init;
    }

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

    /// <summary>Wire alias of <see cref="JobId"/>: <c>id</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    internal string? IdAlias { get; init; }
}
