using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// A page of <c>GET api/v1/jobs</c>: the jobs in <c>data</c>, newest first, with the paging facts where Vydra gives them
/// (at the top level or under <c>pagination</c>). Holds every kind of Vydra job, not only motion control.
/// </summary>
public sealed record VydraJobList
{
    /// <summary><c>data</c>: the jobs of this page.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<VydraJob>? Data { get; init; }

    /// <summary><c>jobs</c>: the jobs of this page, should a reply use this name instead of <see cref="Data"/>.</summary>
    [JsonPropertyName("jobs")]
    public IReadOnlyList<VydraJob>? Jobs { get; init; }

    /// <summary><c>total</c>: how many jobs match, when given.</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary><c>limit</c>: the page size used.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary><c>offset</c>: the offset of this page.</summary>
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    /// <summary><c>hasMore</c>: whether another page follows, when given.</summary>
    [JsonPropertyName("hasMore")]
    public bool? HasMore { get; init; }

    /// <summary><c>pagination</c>: the paging facts, when grouped.</summary>
    [JsonPropertyName("pagination")]
    public VydraPagination? Pagination { get; init; }

    /// <summary>The jobs, under whichever name they came.</summary>
    internal IReadOnlyList<VydraJob> ResolveJobs() => Data ?? Jobs ?? [];

    /// <summary>False when the page says no page follows; <see langword="null"/> when it does not say.</summary>
    internal bool? ResolveHasMore(int offset, int count)
    {
        if ((HasMore ?? Pagination?.HasMore) is { } hasMore)
        {
            return hasMore;
        }

        return (Total ?? Pagination?.Total) is { } total ? offset + count < total : null;
    }
}
