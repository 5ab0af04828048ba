using System.CommandLine;
using System.Runtime.InteropServices;
using MotionControl.Cli.Commands;
using MotionControl.Cli.Output;

namespace MotionControl.Cli;

/// <summary>
/// The <c>motion-control</c> command tree on System.CommandLine: parsing, help, and one place that turns every outcome
/// into an exit code (0 success, 2 invalid input, 1 vendor or task failure, 130 Ctrl+C).
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CliOptions();
        var root = BuildRoot(options);
        var parse = root.Parse(args);
        bool json = args.Contains("--json", StringComparer.Ordinal);
        if (parse.Errors.Count > 0)
        {
            string command = "motion-control" + (parse.CommandResult.Command == root ? string.Empty : " " + parse.CommandResult.Command.Name);
            return ErrorReporter.ReportUsage(Terminal.ForProcess(json), [.. parse.Errors.Select(e => e.Message)], command);
        }

        // Ctrl+C (SIGINT) and SIGTERM cancel the command's token: a wait stops and says how to resume. A second Ctrl+C
        // ends the process at once.
        using var stop = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            // The tool handles Ctrl+C and exceptions itself (ErrorReporter), so System.CommandLine's own handlers are off.
            var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    public static RootCommand BuildRoot(CliOptions options)
    {
        var root = new RootCommand("motion-control: try Kling Motion Control on any vendor from a terminal, or offline with --emulator.");
        root.Subcommands.Add(ValidateCommand.Create(options));
        root.Subcommands.Add(EstimateCommand.Create(options));
        root.Subcommands.Add(GenerateCommand.Create(options));
        root.Subcommands.Add(TaskCommands.Status(options));
        root.Subcommands.Add(TaskCommands.Wait(options));
        root.Subcommands.Add(TaskCommands.Cancel(options));
        root.Subcommands.Add(AccountCommands.List(options));
        root.Subcommands.Add(TaskCommands.Download(options));
        root.Subcommands.Add(AccountCommands.Balance(options));
        root.Subcommands.Add(ProvidersCommand.Create(options));
        root.Subcommands.Add(EmulatorCommand.Create(options));
        return root;
    }

    /// <summary>Runs <paramref name="body"/> as <paramref name="command"/>'s action, every exception reported by <see cref="ErrorReporter"/>.</summary>
    public static void SetAction(Command command, CliOptions options, Func<CommandContext, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse, options, Terminal.ForProcess(parse.GetValue(options.Json)), cancellationToken);
            try
            {
                return await body(context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(context, ex);
            }
        });
}
