namespace MotionControl.Providers.Kling;

/// <summary>
/// What to read from one of Kling's deduction ledgers (<see cref="IKlingApi.GetBalanceDeductionsAsync"/>,
/// <see cref="IKlingApi.GetUnitDeductionsAsync"/>; https://kling.ai/document-api/api/assets/billing-deduction/balance):
/// either a time window (<see cref="StartTime"/> and <see cref="EndTime"/>, with <see cref="Limit"/> and
/// <see cref="Filters"/>) or the <see cref="Cursor"/> of the previous page, which overrides everything else.
/// </summary>
public sealed record KlingLedgerQuery
{
    /// <summary>The most entries Kling returns per page (and its default).</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the start of the window of task creation times (sent in Unix milliseconds); required without a <see cref="Cursor"/>.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Gets the end of the window (sent in Unix milliseconds); required without a <see cref="Cursor"/>, and later than <see cref="StartTime"/>.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Gets how many entries to return, 1–500; <see langword="null"/> leaves Kling's default (500).</summary>
    public int? Limit { get; init; }

    /// <summary>
    /// Gets the filters: entries matching any value of a filter (OR), and every filter (AND). The balance ledger filters by
    /// <see cref="KlingLedgerFilter.ApiKeyName"/> only; the unit ledger also by <see cref="KlingLedgerFilter.ProductType"/>
    /// and by <see cref="KlingLedgerFilter.PackageName"/> or (not both) <see cref="KlingLedgerFilter.PackageId"/>.
    /// </summary>
    public IReadOnlyList<KlingLedgerFilter>? Filters { get; init; }

    /// <summary>
    /// Gets the <see cref="KlingLedger{TEntry}.NextCursor"/> of the previous page: when set, only the cursor is sent (Kling
    /// ignores the window, limit and filters then).
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>The query for the page after <paramref name="page"/>.</summary>
    /// <typeparam name="TEntry">The ledger's entry type.</typeparam>
    /// <param name="page">A page whose <see cref="KlingLedger{TEntry}.HasMore"/> is true.</param>
    /// <returns>A query carrying only the page's cursor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The page carries no cursor.</exception>
    public static KlingLedgerQuery After<TEntry>(KlingLedger<TEntry> page)
        where TEntry : KlingLedgerEntry
    {
        ArgumentNullException.ThrowIfNull(page);
        return string.IsNullOrWhiteSpace(page.NextCursor)
            ? throw new InvalidOperationException("The page carries no next_cursor: it is the last one.")
            : new KlingLedgerQuery { Cursor = page.NextCursor };
    }
}

/// <summary>One filter of a <see cref="KlingLedgerQuery"/>: a dimension and the values any of which an entry may match.</summary>
/// <param name="Key">The dimension: <see cref="ApiKeyName"/>, <see cref="ProductType"/>, <see cref="PackageName"/> or <see cref="PackageId"/>.</param>
/// <param name="Values">The values (an entry matching any of them is returned).</param>
public sealed record KlingLedgerFilter(string Key, IReadOnlyList<string> Values)
{
    /// <summary>By the name of the API key that ran the task (both ledgers).</summary>
    public const string ApiKeyName = "api_key_name";

    /// <summary>By resource-pack type, <c>video</c>, <c>image</c> or <c>try-on</c> (unit ledger).</summary>
    public const string ProductType = "product_type";

    /// <summary>By resource-pack name (unit ledger; not with <see cref="PackageId"/>).</summary>
    public const string PackageName = "package_name";

    /// <summary>By resource-pack id (unit ledger; not with <see cref="PackageName"/>).</summary>
    public const string PackageId = "package_id";
}
