using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's organization: <c>GET api/v1/organization</c> (https://www.vydra.ai/docs/account, "Get Organization").</summary>
public sealed record VydraOrganization
{
    /// <summary><c>id</c>: the organization's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>name</c>: the organization's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>plan</c>: the subscription plan (<c>free</c>, <c>starter</c>, <c>creator</c>).</summary>
    [JsonPropertyName("plan")]
    public string? Plan { get; init; }

    /// <summary><c>creditsRemaining</c>: the current credit balance.</summary>
    [JsonPropertyName("creditsRemaining")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? CreditsRemaining { get; init; }

    /// <summary><c>createdAt</c>: when the account was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>updatedAt</c>: when the organization last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
