using System.Text;
using MotionControl.Validation;

namespace MotionControl.Tests.Docs;

/// <summary>docs/validation-rules.md is generated from the rule table; this test fails when they drift apart.</summary>
public class ValidationRulesDocTests
{
    private const string Begin = "<!-- rules:begin (generated from MotionControlRules.All; run the tests with MC_UPDATE_DOCS=1 to refresh) -->";
    private const string End = "<!-- rules:end -->";

    public static string RenderTable()
    {
        var text = new StringBuilder();
        text.Append("| code | field | rule | applies to | source |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var rule in MotionControlRules.All)
        {
            text.Append($"| `{rule.Code}` | {rule.Field} | {rule.Description.Replace("|", "\\|", StringComparison.Ordinal)} | {rule.AppliesTo} | {rule.Source} |\n");
        }

        return text.ToString();
    }

    [Fact]
    public void The_validation_rules_page_lists_exactly_the_rule_table() =>
        GeneratedDocSection.AssertCurrent("docs/validation-rules.md", Begin, End, RenderTable());
}
