namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's account usage (https://kling.ai/document-api/api/assets/account-usage) and deduction ledgers
/// (https://kling.ai/document-api/api/assets/billing-deduction/balance, …/package), on Kling's own host only.
/// </summary>
public partial interface IKlingApi
{
    /// <summary>
    /// <c>GET /account/costs?start_time&amp;end_time</c>: the account's resource packs and what is left in each. Free, but
    /// Kling asks for at most one call per second (QPS ≤ 1); <c>remaining_quantity</c> lags up to 12 hours. A read:
    /// retried on transient failures.
    /// </summary>
    /// <param name="startTime">The query's start (sent as Unix time in milliseconds).</param>
    /// <param name="endTime">The query's end (sent as Unix time in milliseconds); not before <paramref name="startTime"/>.</param>
    /// <param name="resourcePackName">Only the pack of this name, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Kling's envelope around the pack list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="endTime"/> is before <paramref name="startTime"/>.</exception>
    /// <exception cref="MotionControlException">Kling refused the call (HTTP error or a non-zero <c>code</c>).</exception>
    Task<KlingResponse<KlingAccountCosts>> GetAccountCostsAsync(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /account/billing/balance</c>: one page of what tasks took from the account's cash balance (before and after,
    /// the list price and the currency), per task, for reconciling charges per API key. A read, though a POST: retried on
    /// transient failures. Page on with <see cref="KlingLedgerQuery.After"/> while <see cref="KlingLedger{TEntry}.HasMore"/>.
    /// </summary>
    /// <param name="query">A time window (with a limit and <see cref="KlingLedgerFilter.ApiKeyName"/> filters), or a cursor.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Kling's envelope around the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">Without a cursor the window is missing or not increasing; the limit is outside 1–500; a filter is not one this ledger takes.</exception>
    /// <exception cref="MotionControlException">Kling refused the call (HTTP error or a non-zero <c>code</c>).</exception>
    Task<KlingResponse<KlingLedger<KlingBalanceLedgerEntry>>> GetBalanceDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /account/billing/package</c>: one page of the units tasks took from resource packs (before and after, per
    /// pack), per task. A read, though a POST: retried on transient failures. Page on with
    /// <see cref="KlingLedgerQuery.After"/> while <see cref="KlingLedger{TEntry}.HasMore"/>.
    /// </summary>
    /// <param name="query">A time window (with a limit and filters by API key name, product type, and pack name or id), or a cursor.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Kling's envelope around the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">Without a cursor the window is missing or not increasing; the limit is outside 1–500; a filter is unknown, or filters by both pack name and pack id.</exception>
    /// <exception cref="MotionControlException">Kling refused the call (HTTP error or a non-zero <c>code</c>).</exception>
    Task<KlingResponse<KlingLedger<KlingUnitLedgerEntry>>> GetUnitDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken = default);
}
