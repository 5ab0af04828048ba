using System.CommandLine;
using MotionControl.Cli.Output;
using Spectre.Console;

namespace MotionControl.Cli.Commands;

/// <summary><c>list</c> and <c>balance</c>: what the account holds.</summary>
internal static class AccountCommands
{
    public static Command List(CliOptions o)
    {
        var command = new Command("list", "List the account's tasks, newest first (where the vendor has a list endpoint).");
        command.Options.Add(o.Limit);
        command.Options.Add(o.Status);
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync().ConfigureAwait(false);
            var options = new MotionControlListOptions { MaxItems = context.Parse.GetValue(o.Limit), Status = context.Parse.GetValue(o.Status) };
            var tasks = new List<MotionControlTask>();
            await foreach (var task in connection.Client.ListTasksAsync(options, context.CancellationToken).ConfigureAwait(false))
            {
                tasks.Add(task);
            }

            Show(context.Terminal, connection.Provider, tasks);
            context.PrintJson(new ListDocument(connection.Provider, [.. tasks.Select(DocumentMapper.Task)]), CliJsonContext.Readable.ListDocument);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Balance(CliOptions o)
    {
        var command = new Command("balance", "Show what is left on the account, in the vendor's unit.");
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync().ConfigureAwait(false);
            var balance = await connection.Client.GetBalanceAsync(context.CancellationToken).ConfigureAwait(false);
            string asOf = balance.AsOf is { } at ? " as of " + at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            context.Terminal.Line($"Balance on {connection.Provider}: {Formats.Money(balance.Amount)} {balance.Unit}{asOf} ({balance.Source}).");
            context.PrintJson(new BalanceDocument(connection.Provider, balance.Amount, balance.Unit, balance.AsOf, balance.Source), CliJsonContext.Readable.BalanceDocument);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Show(Terminal terminal, string provider, List<MotionControlTask> tasks)
    {
        if (terminal.Json)
        {
            return;
        }

        if (tasks.Count == 0)
        {
            terminal.Line($"No tasks on {provider}.");
            return;
        }

        if (terminal.IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Task");
            table.AddColumn("Status");
            table.AddColumn("Created");
            table.AddColumn("Charged");
            foreach (var task in tasks)
            {
                table.AddRow(
                    new Text(task.Id),
                    new Text(Formats.TaskState(task, TimeProvider.System)),
                    new Text(task.CreatedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                    new Text(task.Charge is { } c ? $"{Formats.Money(c.Amount)} {c.Unit}" : "-"));
            }

            terminal.Write(table);
            return;
        }

        foreach (var task in tasks)
        {
            terminal.Line($"{task.Id}  {Formats.TaskState(task, TimeProvider.System)}  {task.CreatedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }
    }
}
