using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// A page of <c>GET api/v1/jobs</c>: the jobs, newest first, with the paging facts where Vydra gives them. Each concept is
/// one property filled from whichever place the reply used: the jobs under <c>data</c> or <c>jobs</c>, the paging facts
/// at the top level or under <c>pagination</c>. Holds every kind of Vydra job, not only motion control.
/// </summary>
// Tolerant reader, as in VydraJob: the public properties carry the primary wire names, the aliases (jobs, pagination)
// are internal [JsonInclude] members, and the getters prefer the primary fields.
public sealed record VydraJobList
{
    private readonly IReadOnlyList<VydraJob>? _data;

    /// <summary>The jobs of this page: <c>data</c> (Vydra's documented name), else <c>jobs</c>; empty when neither is given.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<VydraJob> Data
    {
        get => _data ?? JobsAlias ?? [];
        init => _data = value;
    }

    /// <summary>How many jobs match, when given: <c>total</c>, else <c>pagination.total</c>.</summary>
    [JsonPropertyName("total")]
    public int? Total
    {
        get => field ?? PaginationAlias?.Total;
        init;
    }

    /// <summary>The page size used: <c>limit</c>, else <c>pagination.limit</c>.</summary>
    [JsonPropertyName("limit")]
    public int? Limit
    {
        get => field ?? PaginationAlias?.Limit;
        init;
    }

    /// <summary>The offset of this page: <c>offset</c>, else <c>pagination.offset</c>.</summary>
    [JsonPropertyName("offset")]
    public int? Offset
    {
        get => field ?? PaginationAlias?.Offset;
        init;
    }

    /// <summary>Whether another page follows, when given: <c>hasMore</c>, else <c>pagination.hasMore</c>.</summary>
    [JsonPropertyName("hasMore")]
    public bool? HasMore
    {
        get => field ?? PaginationAlias?.HasMore;
        init;
    }

    /// <summary>Wire alias of <see cref="Data"/>: <c>jobs</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("jobs")]
    internal IReadOnlyList<VydraJob>? JobsAlias { get; init; }

    /// <summary>Wire alias of the paging facts, when grouped: <c>pagination</c>.</summary>
    [JsonInclude]
    [JsonPropertyName("pagination")]
    internal VydraPagination? PaginationAlias { get; init; }

    /// <summary>The name the jobs came under in the reply's JSON (<c>data</c> or <c>jobs</c>), to find each job's own JSON.</summary>
    internal string DataPropertyName => _data is null && JobsAlias is not null ? "jobs" : "data";
}
