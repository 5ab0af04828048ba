using System.CommandLine;
using System.Net.Sockets;
using MotionControl.Cli.Connection;
using MotionControl.Cli.Output;
using MotionControl.Testing;

namespace MotionControl.Cli.Commands;

/// <summary>
/// <c>emulator</c>: a long-lived emulator of every vendor on loopback, so <c>--emulator</c> commands in other processes
/// share its tasks. Runs until Ctrl+C (or SIGTERM).
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("emulator", "Run the emulator of every vendor API on 127.0.0.1 until Ctrl+C, for --emulator commands in other terminals.");
        command.Options.Add(o.Port);
        command.Options.Add(o.JobDuration);
        command.Options.Add(o.JobPolls);
        command.Options.Add(o.Json);
        command.Options.Add(o.Verbose);
        CliApplication.SetAction(command, o, async context =>
        {
            int port = context.Parse.GetValue(o.Port);
            var duration = context.Parse.GetValue(o.JobDuration);
            var polls = context.Parse.GetValue(o.JobPolls);
            var lifecycle = (duration, polls) switch
            {
                ({ }, { }) => throw new CliUsageException("Give --job-duration or --job-polls, not both."),
                ({ } d, null) => new TaskLifecycle().Queued(d / 10).Processing(d - (d / 10)).Succeeds(),
                (null, { } n) => new TaskLifecycle().Queued(1).Processing(n).Succeeds(),
                _ => TaskLifecycle.Default,
            };
            MotionControlEmulator emulator;
            try
            {
                emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Port = port, DefaultLifecycle = lifecycle }, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                throw new CliUsageException($"Cannot listen on 127.0.0.1:{port} ({ex.Message}): pass --port with a free port, or --port 0 for any.", ex);
            }

            await using (emulator.ConfigureAwait(false))
            {
                string url = emulator.BaseAddress.AbsoluteUri;
                string variable = $"{EmulatorSettings.UrlVariable}={url}";
                context.PrintJson(new EmulatorDocument(url, emulator.BaseAddress.Port, variable), CliJsonContext.Readable.EmulatorDocument);
                var terminal = context.Terminal;
                terminal.Line($"MotionControl emulator listening on {url}");
                terminal.Line(emulator.BaseAddress.Port == EmulatorSettings.DefaultPort
                    ? "Commands with --emulator find it on this default port."
                    : $"Point --emulator commands at it: export {variable}");
                terminal.Line("Try: motion-control generate --emulator --image <png or jpg> --video <mp4> --yes");
                terminal.Line("Press Ctrl+C to stop (its tasks end with it).");
                terminal.Out.Profile.Out.Writer.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    terminal.Line("Emulator stopped.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
