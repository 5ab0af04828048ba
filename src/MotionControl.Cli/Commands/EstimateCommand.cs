using System.CommandLine;
using MotionControl.Cli.Output;

namespace MotionControl.Cli.Commands;

/// <summary><c>estimate</c>: what the job would cost, from the vendor's published price (nothing is sent).</summary>
internal static class EstimateCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("estimate", "What the job would cost, from the vendor's published price; nothing is sent.");
        RequestInput.AddTo(command, o);
        CliApplication.SetAction(command, o, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        await using var connection = await context.ConnectAsync().ConfigureAwait(false);
        var request = RequestInput.Build(context);
        var estimate = await connection.Client.EstimateCostAsync(request, context.CancellationToken).ConfigureAwait(false);
        string model = RequestInput.ModelOf(request, connection.Client);
        context.PrintJson(DocumentMapper.Estimate(connection.Provider, model, estimate), CliJsonContext.Readable.EstimateDocument);
        context.Terminal.Line($"Estimated cost on {connection.Provider} ({model}): {Formats.Cost(estimate)}");
        context.Terminal.Line($"Basis: {estimate.Basis}");
        return ExitCodes.Success;
    }
}
