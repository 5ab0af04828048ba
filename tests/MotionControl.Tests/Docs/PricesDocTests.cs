using System.Globalization;
using System.Text;
using MotionControl.Pricing;

namespace MotionControl.Tests.Docs;

/// <summary>docs/prices.md is generated from the price table; this test fails when they drift apart.</summary>
public class PricesDocTests
{
    private const string Begin = "<!-- prices:begin (generated from PriceTable.Rows; run the tests with MC_UPDATE_DOCS=1 to refresh) -->";
    private const string End = "<!-- prices:end -->";

    public static string RenderTable()
    {
        var text = new StringBuilder();
        text.Append("| provider | model | tier | price | unit | source | as of |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var row in PriceTable.Rows)
        {
            var tier = row.Tier switch
            {
                GenerationMode.Standard => "std (720p)",
                GenerationMode.Pro => "pro (1080p)",
                _ => "any",
            };
            var price = row.PerSecond is { } perSecond
                ? perSecond.ToString(CultureInfo.InvariantCulture) + " per output second"
                : row.Flat!.Value.ToString(CultureInfo.InvariantCulture) + " per job";
            text.Append(CultureInfo.InvariantCulture, $"| {row.Provider} | `{row.Model}` | {tier} | {price} | {row.Unit} | {row.Source} | {row.AsOf} |\n");
        }

        return text.ToString();
    }

    [Fact]
    public void The_prices_page_lists_exactly_the_price_table() =>
        GeneratedDocSection.AssertCurrent("docs/prices.md", Begin, End, RenderTable());
}
