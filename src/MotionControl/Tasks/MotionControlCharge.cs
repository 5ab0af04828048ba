namespace MotionControl;

/// <summary>
/// What a vendor says it charged for a task, as the vendor reports it (no conversion): Kling's resource-pack units or
/// balance deduction, AIMLAPI's credits or dollars, Vydra's credits.
/// </summary>
public sealed record MotionControlCharge
{
    /// <summary>Kling's resource-pack units.</summary>
    public const string Units = "units";

    /// <summary>A vendor's credits (AIMLAPI, Vydra).</summary>
    public const string Credits = "credits";

    /// <summary>US dollars.</summary>
    public const string Usd = "USD";

    /// <summary>Chinese yuan.</summary>
    public const string Cny = "CNY";

    /// <summary>The amount charged, in <see cref="Unit"/>.</summary>
    public required decimal Amount { get; init; }

    /// <summary><see cref="Units"/>, <see cref="Credits"/>, <see cref="Usd"/> or <see cref="Cny"/> (or another currency code a vendor names).</summary>
    public required string Unit { get; init; }

    /// <summary>The undiscounted price, where the vendor gives one (Kling API 2.0's <c>list_price</c>).</summary>
    public decimal? ListPrice { get; init; }

    /// <summary>The vendor field the charge was read from, for example <c>final_unit_deduction</c> or <c>billing</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The amount and unit.</summary>
    /// <returns>For example <c>10 units (final_unit_deduction)</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{Amount} {Unit} ({Source})");
}
