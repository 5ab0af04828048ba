namespace MotionControl.Providers.Kling;

/// <summary>The account part of <see cref="IKlingApi"/>.</summary>
internal sealed partial class KlingApi
{
    /// <inheritdoc />
    public Task<KlingResponse<KlingAccountCosts>> GetAccountCostsAsync(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName = null, CancellationToken cancellationToken = default) =>
        account.GetCostsAsync(startTime, endTime, resourcePackName, cancellationToken);
}
