using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>The <c>pagination</c> of a Vydra job list page: read only as the fallback of <see cref="VydraJobList"/>'s paging facts.</summary>
internal sealed record VydraPagination
{
    /// <summary><c>total</c>: how many jobs match.</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary><c>limit</c>: the page size used.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary><c>offset</c>: the offset of this page.</summary>
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    /// <summary><c>hasMore</c>: whether another page follows.</summary>
    [JsonPropertyName("hasMore")]
    public bool? HasMore { get; init; }
}
