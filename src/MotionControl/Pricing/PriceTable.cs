using System.Globalization;

namespace MotionControl.Pricing;

/// <summary>One published price: a vendor's model and tier, per output second or per job.</summary>
/// <param name="Provider">The provider name.</param>
/// <param name="Model">The model id (the profile's aliases match too).</param>
/// <param name="Tier">The quality tier the price is for (Kling: std is 720p, pro is 1080p).</param>
/// <param name="PerSecond">The price per output second, or <see langword="null"/> for a flat price.</param>
/// <param name="Flat">The price per job, or <see langword="null"/> for a per-second price.</param>
/// <param name="Unit">The unit the vendor bills in.</param>
/// <param name="Source">The vendor page the price is from.</param>
/// <param name="AsOf">When the price was read there.</param>
internal sealed record PriceRow(string Provider, string Model, GenerationMode? Tier, decimal? PerSecond, decimal? Flat, string Unit, string Source, string AsOf);

/// <summary>
/// The published prices, in one place (data, not code), and the estimate they give a request. docs/prices.md is
/// generated from <see cref="Rows"/>. Third-party resellers' prices are not listed: they publish none for this model in a
/// form the SDK can check. Replicate's rows are marked inferred in their source: Replicate shows its prices on the model
/// pages, which the SDK could read only as third-party tables quote them.
/// </summary>
internal static class PriceTable
{
    private const string KlingPricing = "https://kling.ai/document-api/pricing/base/video (Motion Control rows)";
    private const string VydraPricing = "https://www.vydra.ai/docs/models/kling (creditsCharged: 40)";

    // Replicate publishes its prices on the model pages; the SDK could read them only as quoted by third parties, so they are inferred.
    private const string ReplicateV26Pricing = "https://replicate.com/kwaivgi/kling-v2.6-motion-control [inferred: as quoted by third-party price tables]";
    private const string ReplicateV3Pricing = "https://replicate.com/kwaivgi/kling-v3-motion-control [inferred: as quoted by third-party price tables; no pro price found]";

    /// <summary>The shortest output a vendor makes: the video needs "at least 3 seconds of usable continuous motion".</summary>
    public static readonly TimeSpan ShortestOutput = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<PriceRow> Rows { get; } =
    [
        new(MotionControlProviders.Kling, "kling-v2-6", GenerationMode.Standard, 0.5m, null, MotionControlCharge.Units, KlingPricing, "2026-12-01"),
        new(MotionControlProviders.Kling, "kling-v2-6", GenerationMode.Pro, 0.8m, null, MotionControlCharge.Units, KlingPricing, "2026-12-01"),
        new(MotionControlProviders.Kling, "kling-v3", GenerationMode.Standard, 0.9m, null, MotionControlCharge.Units, KlingPricing, "2026-12-01"),
        new(MotionControlProviders.Kling, "kling-v3", GenerationMode.Pro, 1.2m, null, MotionControlCharge.Units, KlingPricing, "2026-12-01"),
        new(MotionControlProviders.Vydra, "kling", null, null, 40m, MotionControlCharge.Credits, VydraPricing, "2026-12-01"),
        new(MotionControlProviders.Replicate, "kling-v2-6", GenerationMode.Standard, 0.09m, null, MotionControlCharge.Usd, ReplicateV26Pricing, "2026-12-01"),
        new(MotionControlProviders.Replicate, "kling-v2-6", GenerationMode.Pro, 0.15m, null, MotionControlCharge.Usd, ReplicateV26Pricing, "2026-12-01"),
        new(MotionControlProviders.Replicate, "kling-v3", GenerationMode.Standard, 0.07m, null, MotionControlCharge.Usd, ReplicateV3Pricing, "2026-12-01"),
    ];

    /// <summary>True when the vendor publishes a price the table holds.</summary>
    public static bool Covers(string provider) => Rows.Any(r => r.Provider == provider);

    /// <summary>
    /// The estimate of a request for <paramref name="model"/>: per-second prices times the output's possible length (from
    /// <see cref="ShortestOutput"/> to the reference's probed duration, rounded to whole seconds as Kling bills, or else the
    /// longest reference the orientation allows); flat prices as they are. <see langword="null"/> when no row applies.
    /// </summary>
    public static MotionControlCostEstimate? Estimate(MotionControlCapabilities capabilities, string model, MotionControlRequest request, TimeSpan? referenceDuration)
    {
        var profile = capabilities.ProfileOf(model);
        var name = profile?.Model ?? model;

        // Kling requires a mode and the SDK sends std when none is given.
        var tier = request.Mode ?? GenerationMode.Standard;
        var row = Rows.FirstOrDefault(r => r.Provider == capabilities.ProviderName && string.Equals(r.Model, name, StringComparison.OrdinalIgnoreCase) && (r.Tier is null || r.Tier == tier));
        if (row is null)
        {
            return null;
        }

        if (row.Flat is { } flat)
        {
            return new MotionControlCostEstimate { Minimum = flat, Maximum = flat, Unit = row.Unit, Basis = $"{row.Provider} {row.Model}: {flat.ToString(CultureInfo.InvariantCulture)} {row.Unit} per job ({row.Source}, {row.AsOf})" };
        }

        var perSecond = row.PerSecond!.Value;
        var limits = capabilities.ForModel(model).Limits;
        var longest = request.CharacterOrientation == CharacterOrientation.Image ? limits.VideoMaxDurationWithImageOrientation : limits.VideoMaxDurationWithVideoOrientation;
        var seconds = referenceDuration is { } probed
            ? Math.Max(Seconds(ShortestOutput), Seconds(probed))
            : Seconds(longest);
        var how = referenceDuration is null
            ? $"the reference's length unknown (a URL), so the longest the orientation allows, {seconds} s"
            : $"the reference's {seconds} s";
        return new MotionControlCostEstimate
        {
            Minimum = Normalized(perSecond * Seconds(ShortestOutput)),
            Maximum = Normalized(perSecond * seconds),
            Unit = row.Unit,
            Basis = $"{row.Provider} {row.Model} {(row.Tier == GenerationMode.Pro ? "pro" : "std")}: {perSecond.ToString(CultureInfo.InvariantCulture)} {row.Unit}/s ({row.Source}, {row.AsOf}) × 3 s (the shortest output) to {how}",
        };
    }

    // 0.5 × 30 is 15.0 in decimal's arithmetic; shown as 15 (dividing by 1.000… drops the trailing zeros).
    private static decimal Normalized(decimal value) => value / 1.000000000000000000000000000000000m;

    // Kling bills whole seconds [inferred: "seconds rounded"]; a 12.02 s probe is 12 s.
    private static int Seconds(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
}
