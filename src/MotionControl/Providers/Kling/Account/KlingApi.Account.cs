namespace MotionControl.Providers.Kling;

/// <summary>The account part of <see cref="IKlingApi"/>.</summary>
internal sealed partial class KlingApi
{
    /// <inheritdoc />
    public Task<KlingResponse<KlingAccountCosts>> GetAccountCostsAsync(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName = null, CancellationToken cancellationToken = default) =>
        account.GetCostsAsync(startTime, endTime, resourcePackName, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingLedger<KlingBalanceLedgerEntry>>> GetBalanceDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken = default) =>
        account.GetBalanceDeductionsAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingLedger<KlingUnitLedgerEntry>>> GetUnitDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken = default) =>
        account.GetUnitDeductionsAsync(query, cancellationToken);
}
