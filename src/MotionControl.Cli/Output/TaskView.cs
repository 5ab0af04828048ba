using Spectre.Console;

namespace MotionControl.Cli.Output;

/// <summary>A task's fields: a grid on a terminal, <c>name: value</c> lines when redirected.</summary>
internal static class TaskView
{
    public static void Show(Terminal terminal, MotionControlTask task)
    {
        if (terminal.Json)
        {
            return;
        }

        var rows = Rows(task);
        if (terminal.IsTerminal)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            foreach (var (name, value) in rows)
            {
                grid.AddRow(new Markup("[grey]" + Markup.Escape(name) + "[/]"), new Text(value));
            }

            terminal.Write(grid);
            return;
        }

        foreach (var (name, value) in rows)
        {
            terminal.Line($"{name}: {value}");
        }
    }

    private static List<(string Name, string Value)> Rows(MotionControlTask task)
    {
        var rows = new List<(string, string)>
        {
            ("task", task.Id),
            ("provider", task.ProviderName),
            ("status", Formats.TaskState(task, TimeProvider.System)),
        };
        if (task.VendorStatus is { } vendor)
        {
            rows.Add(("vendor status", vendor));
        }

        if (task.FailureReason is { } reason)
        {
            rows.Add(("reason", reason));
        }

        if (task.CreatedAt is { } created)
        {
            rows.Add(("created", created.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (int i = 0; i < task.Videos.Count; i++)
        {
            rows.Add((task.Videos.Count == 1 ? "video" : $"video {i + 1}", task.Videos[i].Url.AbsoluteUri));
        }

        if (task.Charge is { } charge)
        {
            rows.Add(("charged", $"{Formats.Money(charge.Amount)} {charge.Unit} ({charge.Source})"));
        }

        return rows;
    }
}
