using System.CommandLine;

namespace MotionControl.Cli.Commands;

/// <summary>The connection options every vendor command takes.</summary>
internal static class ConnectionInput
{
    public static void AddTo(Command command, CliOptions o)
    {
        command.Options.Add(o.Provider);
        command.Options.Add(o.Emulator);
        command.Options.Add(o.Json);
        command.Options.Add(o.Verbose);
    }
}
