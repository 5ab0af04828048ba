namespace MotionControl;

/// <summary>
/// What a vendor says is left on the account, as the vendor reports it (no conversion): Vydra's credits, ModelsLab's
/// and AIMLAPI's dollars, Kling's resource-pack units.
/// </summary>
public sealed record MotionControlBalance
{
    /// <summary>The amount left, in <see cref="Unit"/>.</summary>
    public required decimal Amount { get; init; }

    /// <summary>
    /// <see cref="MotionControlCharge.Units"/>, <see cref="MotionControlCharge.Credits"/>, <see cref="MotionControlCharge.Usd"/>
    /// or <see cref="MotionControlCharge.Cny"/> (or another currency code a vendor names).
    /// </summary>
    public required string Unit { get; init; }

    /// <summary>
    /// When the vendor's figure was true, where the vendor says so; <see langword="null"/> when it does not (Kling's
    /// remaining quantities lag up to 12 hours, and Kling gives no time for them).
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The vendor field the balance was read from, for example <c>creditsRemaining</c> or <c>data.balance</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The amount and unit.</summary>
    /// <returns>For example <c>4250 credits (creditsRemaining)</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{Amount} {Unit} ({Source})");
}
