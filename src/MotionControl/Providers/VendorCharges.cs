namespace MotionControl.Providers;

/// <summary>Builds a <see cref="MotionControlCharge"/> from a vendor's number, refusing what no vendor means (NaN, infinities, negatives, past decimal's range).</summary>
internal static class VendorCharges
{
    public static MotionControlCharge? FromNumber(double? amount, string unit, string source) =>
        amount is { } value && double.IsFinite(value) && value is >= 0 and < 7.9e28
            ? new MotionControlCharge { Amount = (decimal)value, Unit = unit, Source = source }
            : null;
}
