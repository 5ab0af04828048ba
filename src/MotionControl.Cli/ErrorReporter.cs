using Microsoft.Extensions.Options;
using MotionControl.Cli.Output;

namespace MotionControl.Cli;

/// <summary>
/// Turns what stopped a command into its exit code and one line naming what to fix (stderr; with <c>--json</c>, also an
/// error document on stdout). Stack traces only with <c>--verbose</c>. The SDK's messages carry no credential.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(CommandContext context, Exception exception)
    {
        var terminal = context.Terminal;
        var (code, kind, message, errors) = Classify(context, exception);
        if (errors is { Count: > 0 })
        {
            ValidationView.Show(terminal, errors);
        }

        terminal.Error.WriteLine("error: " + message);
        if (code == ExitCodes.Interrupted && context.InterruptNote is { } note)
        {
            terminal.Error.WriteLine(note);
        }

        if (context.Verbose && code != ExitCodes.Interrupted)
        {
            terminal.Error.WriteLine(exception.ToString());
        }

        string? taskId = exception switch
        {
            MotionControlTaskFailedException failed => failed.Task.Id,
            MotionControlException { TaskId: { } id } => id,
            _ => context.TaskId,
        };
        context.PrintJson(
            new ErrorDocument(new ErrorBody(code, kind, message, taskId, code == ExitCodes.Interrupted || exception is MotionControlWaitTimeoutException ? context.Resume : null, errors?.Select(DocumentMapper.Rule).ToList())),
            CliJsonContext.Readable.ErrorDocument);
        return code;
    }

    /// <summary>Reports a usage error found while parsing (before any command ran).</summary>
    public static int ReportUsage(Terminal terminal, IReadOnlyList<string> messages, string command)
    {
        foreach (var message in messages)
        {
            terminal.Error.WriteLine($"error: {message} (see '{command} --help')");
        }

        if (terminal.Json)
        {
            var document = new ErrorDocument(new ErrorBody(ExitCodes.InvalidInput, "usage", string.Join(" ", messages), null, null, null));
            terminal.Out.Profile.Out.Writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(document, CliJsonContext.Readable.ErrorDocument));
        }

        return ExitCodes.InvalidInput;
    }

    private static (int Code, string Kind, string Message, IReadOnlyList<MotionControlValidationError>? Errors) Classify(CommandContext context, Exception exception) => exception switch
    {
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            (ExitCodes.Interrupted, "interrupted", Interrupted(context), null),
        CliUsageException usage => (usage.ExitCode, usage.Kind, usage.Message, null),
        MotionControlValidationException invalid =>
            (ExitCodes.InvalidInput, "validation", $"The request breaks {invalid.Errors.Count} rule(s) of {invalid.ProviderName ?? "the vendor"}; nothing was sent. Fix the {Plural(invalid.Errors.Count, "value")} above.", invalid.Errors),
        NotSupportedException unsupported => (ExitCodes.InvalidInput, "unsupported", unsupported.Message + " Run 'motion-control providers' to see what each vendor supports.", null),
        OptionsValidationException options => (ExitCodes.InvalidInput, "configuration", string.Join(" ", options.Failures), null),
        MotionControlWaitTimeoutException timeout =>
            (ExitCodes.Failure, "timeout", $"The task {timeout.TaskId} was still {(timeout.LastTask is { } last ? DocumentMapper.StatusWord(last.Status) : "running")} after {Formats.Duration(timeout.Timeout)}; it keeps running. Wait longer with: {context.Resume ?? "motion-control wait " + timeout.TaskId} --timeout <longer>", null),
        MotionControlTaskFailedException failed =>
            (ExitCodes.Failure, "task-failed", $"The task {failed.Task.Id} {DocumentMapper.StatusWord(failed.Task.Status)}: {failed.Task.FailureReason ?? failed.Task.VendorStatus ?? "no reason given"}", null),
        MotionControlTaskNotFoundException notFound => (ExitCodes.Failure, "not-found", notFound.Message + " Check the task id and --provider (and --emulator: tasks live as long as their emulator).", null),
        MotionControlException vendor => (ExitCodes.Failure, "vendor", vendor.Message, null),
        _ => (ExitCodes.Failure, "unexpected", $"{exception.GetType().Name}: {exception.Message}" + (context.Verbose ? string.Empty : " (run with --verbose for details)"), null),
    };

    private static string Interrupted(CommandContext context) =>
        context.TaskId is { } id
            ? $"Stopped {context.Activity} (Ctrl+C); the task {id} keeps running on the vendor. Resume with: {context.Resume}"
            : "Stopped (Ctrl+C).";

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
