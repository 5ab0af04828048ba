using System.CommandLine;
using MotionControl.Cli.Connection;
using MotionControl.Cli.Output;
using Spectre.Console;

namespace MotionControl.Cli.Commands;

/// <summary>
/// <c>generate</c>: validate, estimate, confirm when the cost is above <c>--confirm-above</c> (or unknown), submit,
/// watch, download.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("generate", "Validate, estimate, confirm, submit, wait with live progress, and download the video.");
        RequestInput.AddTo(command, o);
        command.Options.Add(o.Out);
        command.Options.Add(o.Timeout);
        command.Options.Add(o.Yes);
        command.Options.Add(o.ConfirmAbove);
        command.Options.Add(o.NoWait);
        CliApplication.SetAction(command, o, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var parse = context.Parse;
        var o = context.Options;
        var terminal = context.Terminal;
        await using var connection = await context.ConnectAsync(parse.GetValue(o.Timeout)).ConfigureAwait(false);
        var client = connection.Client;
        var request = RequestInput.Build(context);
        string model = RequestInput.ModelOf(request, client);

        var validation = await client.ValidateAsync(request, context.CancellationToken).ConfigureAwait(false);
        validation.ThrowIfInvalid(connection.Provider);
        ValidationView.ShowWarnings(terminal, validation.Warnings);
        WarningDocument[] warnings = [.. validation.Warnings.Select(DocumentMapper.Warning)];
        terminal.Line(warnings.Length == 0
            ? $"Valid for {connection.Provider} ({model})."
            : $"Valid for {connection.Provider} ({model}), except {warnings.Length} check(s) that could not be made (warnings above).");

        MotionControlCostEstimate? estimate = null;
        if (client.Capabilities.SupportsCostEstimate)
        {
            try
            {
                estimate = await client.EstimateCostAsync(request, context.CancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException)
            {
                // This model has no published price: the cost is unknown, which the confirmation below treats as above any threshold.
            }
        }

        terminal.Line(estimate is null
            ? $"Estimated cost: unknown ({connection.Provider} publishes no price the SDK estimates from)."
            : $"Estimated cost: {Formats.Cost(estimate)} ({estimate.Basis}).");
        await ConfirmAsync(context, estimate, connection).ConfigureAwait(false);

        var submitted = await client.SubmitAsync(request, context.CancellationToken).ConfigureAwait(false);
        context.TaskId = submitted.Id;
        context.Resume = $"motion-control wait {submitted.Id}{CommandContext.FollowUpOptions(connection)}";
        context.Activity = "waiting";
        if (connection.IsOwnEmulator)
        {
            context.InterruptNote = $"Note: the emulator started for this command stops with it; run 'motion-control emulator' (and set {EmulatorSettings.UrlVariable}) to keep tasks across commands.";
        }

        terminal.Line($"Submitted task {submitted.Id} on {connection.Provider}.");
        var estimateDocument = estimate is null ? null : DocumentMapper.Estimate(connection.Provider, model, estimate);
        if (parse.GetValue(o.NoWait))
        {
            terminal.Line($"Not waiting. Follow it with: {context.Resume}");
            context.PrintJson(new GenerateDocument(connection.Provider, warnings, estimateDocument, DocumentMapper.Task(submitted), null), CliJsonContext.Readable.GenerateDocument);
            return ExitCodes.Success;
        }

        var done = submitted.IsTerminal ? submitted : await WaitDisplay.WatchAsync(terminal, client, submitted.Id, context.CancellationToken).ConfigureAwait(false);
        if (done.Status != MotionControlTaskStatus.Succeeded)
        {
            throw new MotionControlTaskFailedException(done);
        }

        string path = context.OutputPath(done.Id);
        context.Activity = "downloading";
        context.Resume = $"motion-control download {done.Id}{CommandContext.FollowUpOptions(connection)} --out \"{path}\"";
        long bytes = await DownloadDisplay.DownloadAsync(terminal, client, done, path, context.CancellationToken).ConfigureAwait(false);
        if (done.Charge is { } charge)
        {
            terminal.Line($"Charged: {Formats.Money(charge.Amount)} {charge.Unit} ({charge.Source}).");
        }

        context.PrintJson(
            new GenerateDocument(connection.Provider, warnings, estimateDocument, DocumentMapper.Task(done), new DownloadDocument(done.Id, connection.Provider, path, bytes)),
            CliJsonContext.Readable.GenerateDocument);
        return ExitCodes.Success;
    }

    /// <summary>Asks before spending above <c>--confirm-above</c> (or an unknown amount); without a terminal, <c>--yes</c> is required.</summary>
    private static async Task ConfirmAsync(CommandContext context, MotionControlCostEstimate? estimate, ClientConnection connection)
    {
        var parse = context.Parse;
        decimal threshold = parse.GetValue(context.Options.ConfirmAbove);
        bool above = estimate is null || estimate.Maximum > threshold;
        if (!above || parse.GetValue(context.Options.Yes))
        {
            return;
        }

        string cost = estimate is null ? "The cost is unknown" : $"The estimated cost (up to {Formats.Money(estimate.Maximum)} {estimate.Unit}) is above --confirm-above {Formats.Money(threshold)}";
        if (!context.Terminal.IsInteractive)
        {
            throw new CliUsageException($"{cost}, and there is no terminal to confirm it: pass --yes to submit (or raise --confirm-above).");
        }

        var prompt = new ConfirmationPrompt(Markup.Escape($"{cost}. Submit to {connection.Provider}?")) { DefaultValue = false };
        bool yes = await prompt.ShowAsync(context.Terminal.Out, context.CancellationToken).ConfigureAwait(false);
        if (!yes)
        {
            throw new CliUsageException("Not submitted: you declined. Nothing was sent.") { ExitCode = ExitCodes.Failure, Kind = "declined" };
        }
    }
}
