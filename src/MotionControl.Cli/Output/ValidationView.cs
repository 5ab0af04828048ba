using Spectre.Console;

namespace MotionControl.Cli.Output;

/// <summary>Every broken rule with its limit and the actual value: a table on a terminal, one line each when redirected.</summary>
internal static class ValidationView
{
    public static void Show(Terminal terminal, IReadOnlyList<MotionControlValidationError> errors)
    {
        if (terminal.Json)
        {
            return;
        }

        if (terminal.IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[red]Broken rules[/]");
            table.AddColumn("Rule");
            table.AddColumn("Field");
            table.AddColumn("Limit");
            table.AddColumn("Actual");
            table.AddColumn("Problem");
            foreach (var e in errors)
            {
                table.AddRow(
                    new Markup("[yellow]" + Markup.Escape(e.Code) + "[/]"),
                    new Text(e.Field),
                    new Text(e.Limit ?? "-"),
                    new Markup("[red]" + Markup.Escape(e.Actual ?? "-") + "[/]"),
                    new Text(e.Message));
            }

            terminal.Write(table);
            return;
        }

        foreach (var e in errors)
        {
            terminal.Line($"{e.Code}  {e.Field}  limit: {e.Limit ?? "-"}  actual: {e.Actual ?? "-"}  {e.Message}");
        }
    }

    /// <summary>
    /// What validation could not check, one <c>warning:</c> line each on stderr (stdout keeps the result). Nothing in
    /// <see cref="Terminal.Json"/> mode, where the document carries them.
    /// </summary>
    public static void ShowWarnings(Terminal terminal, IReadOnlyList<MotionControlValidationWarning> warnings)
    {
        if (terminal.Json)
        {
            return;
        }

        foreach (var w in warnings)
        {
            terminal.Error.WriteLine($"warning: {w.Code}  {w.Field}  {w.Message}");
        }
    }
}
