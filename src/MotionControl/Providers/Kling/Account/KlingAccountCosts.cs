using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The <c>data</c> of <c>GET /account/costs</c> (https://kling.ai/document-api/api/assets/account-usage, "Response Example"):
/// the account's resource packs.
/// </summary>
public sealed record KlingAccountCosts
{
    /// <summary><c>data.code</c>: Kling's error code for the query (0 on success).</summary>
    [JsonPropertyName("code")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Code { get; init; }

    /// <summary><c>data.msg</c>: Kling's error text for the query.</summary>
    [JsonPropertyName("msg")]
    public string? Msg { get; init; }

    /// <summary><c>resource_pack_subscribe_infos</c>: the resource packs.</summary>
    [JsonPropertyName("resource_pack_subscribe_infos")]
    public IReadOnlyList<KlingResourcePack>? ResourcePacks { get; init; }
}

/// <summary>One resource pack in <see cref="KlingAccountCosts"/>.</summary>
public sealed record KlingResourcePack
{
    /// <summary>The status of a pack in effect.</summary>
    public const string Online = "online";

    /// <summary><c>resource_pack_name</c>: the pack's name.</summary>
    [JsonPropertyName("resource_pack_name")]
    public string? Name { get; init; }

    /// <summary><c>resource_pack_id</c>: the pack's id.</summary>
    [JsonPropertyName("resource_pack_id")]
    public string? Id { get; init; }

    /// <summary><c>resource_pack_type</c>: <c>decreasing_total</c> or <c>constant_period</c>.</summary>
    [JsonPropertyName("resource_pack_type")]
    public string? Type { get; init; }

    /// <summary><c>total_quantity</c>: the pack's size.</summary>
    [JsonPropertyName("total_quantity")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? TotalQuantity { get; init; }

    /// <summary><c>remaining_quantity</c>: what is left; Kling's figure lags up to 12 hours.</summary>
    [JsonPropertyName("remaining_quantity")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public decimal? RemainingQuantity { get; init; }

    /// <summary><c>purchase_time</c>: when the pack was bought, Unix time in milliseconds.</summary>
    [JsonPropertyName("purchase_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? PurchaseTime { get; init; }

    /// <summary><c>effective_time</c>: when the pack takes effect, Unix time in milliseconds.</summary>
    [JsonPropertyName("effective_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? EffectiveTime { get; init; }

    /// <summary><c>invalid_time</c>: when the pack expires, Unix time in milliseconds.</summary>
    [JsonPropertyName("invalid_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? InvalidTime { get; init; }

    /// <summary><c>status</c>: <c>toBeOnline</c>, <c>online</c> (in effect), <c>expired</c> or <c>runOut</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
