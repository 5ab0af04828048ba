using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>The account's billing: <c>GET {platform}/v1/account/billing?expand=credits</c> (https://fal.ai/docs/platform-apis/v1/account/billing.md).</summary>
public sealed record FalAccountBilling
{
    /// <summary><c>username</c>: the account.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary><c>credits</c> (with <c>expand=credits</c>): the current balance and its currency.</summary>
    [JsonPropertyName("credits")]
    public FalCredits? Credits { get; init; }
}
