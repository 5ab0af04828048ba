namespace MotionControl.Providers.Kling;

/// <summary>Kling's account usage (https://kling.ai/document-api/api/assets/account-usage), on Kling's own host only.</summary>
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
}
