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

    /// <summary>
    /// An amount of the account's cash balance in a currency the reply does not name: Kling's legacy
    /// <c>final_balance_deduction</c> (Kling's balance ledger names it, CNY or USD).
    /// </summary>
    public const string Balance = "balance";

    /// <summary>The amount charged, in <see cref="Unit"/>.</summary>
    public required decimal Amount { get; init; }

    /// <summary><see cref="Units"/>, <see cref="Credits"/>, <see cref="Usd"/>, <see cref="Cny"/> or <see cref="Balance"/> (or another currency code a vendor names).</summary>
    public required string Unit { get; init; }

    /// <summary>The undiscounted price, where the vendor gives one (Kling's <c>list_price</c>, API 2.0 and <c>final_balance_deduction</c>).</summary>
    public decimal? ListPrice { get; init; }

    /// <summary>The vendor field the charge was read from, for example <c>final_unit_deduction</c> or <c>billing</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The amount and unit.</summary>
    /// <returns>For example <c>10 units (final_unit_deduction)</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{Amount} {Unit} ({Source})");
}
