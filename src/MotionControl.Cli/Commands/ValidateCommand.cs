using System.CommandLine;
using MotionControl.Cli.Output;

namespace MotionControl.Cli.Commands;

/// <summary><c>validate</c>: every documented limit the request breaks, before a credit is spent (nothing is sent).</summary>
internal static class ValidateCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("validate", "Check the files and options against every documented limit of the vendor and model; nothing is sent.");
        RequestInput.AddTo(command, o);
        CliApplication.SetAction(command, o, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        await using var connection = await context.ConnectAsync().ConfigureAwait(false);
        var client = connection.Client;
        var request = RequestInput.Build(context);
        var result = await client.ValidateAsync(request, context.CancellationToken).ConfigureAwait(false);
        string model = RequestInput.ModelOf(request, client);
        context.PrintJson(
            new ValidationDocument(connection.Provider, model, result.IsValid, [.. result.Errors.Select(DocumentMapper.Rule)], [.. result.Warnings.Select(DocumentMapper.Warning)]),
            CliJsonContext.Readable.ValidationDocument);
        ValidationView.ShowWarnings(context.Terminal, result.Warnings);
        if (result.IsValid)
        {
            string valid = $"[green]Valid[/] for {Spectre.Console.Markup.Escape(connection.Provider)} ({Spectre.Console.Markup.Escape(model)})";
            context.Terminal.Markup(result.Warnings.Count == 0
                ? $"{valid}: every documented limit is met."
                : $"{valid}: every limit that could be checked is met; {result.Warnings.Count} check(s) could not be made (warnings above), and the vendor will judge those.");
            return ExitCodes.Success;
        }

        ValidationView.Show(context.Terminal, result.Errors);
        context.Terminal.Error.WriteLine($"error: the request breaks {result.Errors.Count} rule(s) of {connection.Provider} ({model}); fix the values above.");
        return ExitCodes.InvalidInput;
    }
}
