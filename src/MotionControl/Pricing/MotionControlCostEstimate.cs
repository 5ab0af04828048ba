namespace MotionControl;

/// <summary>
/// What a job will cost at most and at least, from the vendor's published price (see docs/prices.md), before anything is
/// sent. Vendors bill the output, which can come out shorter than the reference and is not refunded; so the range runs
/// from the shortest output the vendor makes (3 s) to the reference's length.
/// </summary>
public sealed record MotionControlCostEstimate
{
    /// <summary>The least the job can cost, in <see cref="Unit"/>.</summary>
    public required decimal Minimum { get; init; }

    /// <summary>The most the job can cost, in <see cref="Unit"/>; <see cref="MotionControlRequest.MaxCost"/> is checked against it.</summary>
    public required decimal Maximum { get; init; }

    /// <summary>The unit, as in <see cref="MotionControlCharge.Unit"/>: <c>units</c> (Kling), <c>credits</c> (Vydra).</summary>
    public required string Unit { get; init; }

    /// <summary>How the range was reached: the price row, its source and date, and the duration used.</summary>
    public required string Basis { get; init; }

    /// <summary>The range and unit.</summary>
    /// <returns>For example <c>3.6–14.4 units</c>.</returns>
    public override string ToString() =>
        Minimum == Maximum ? FormattableString.Invariant($"{Maximum} {Unit}") : FormattableString.Invariant($"{Minimum}–{Maximum} {Unit}");
}
