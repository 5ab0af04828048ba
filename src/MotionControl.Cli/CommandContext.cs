using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Cli.Connection;
using MotionControl.Cli.Output;

namespace MotionControl.Cli;

/// <summary>What one command's action works with: its parse result, the terminal, Ctrl+C, and how to connect.</summary>
internal sealed class CommandContext(ParseResult parse, CliOptions options, Terminal terminal, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;

    public CliOptions Options { get; } = options;

    public Terminal Terminal { get; } = terminal;

    /// <summary>Gets the token Ctrl+C (or SIGTERM) cancels.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool Verbose => Parse.GetValue(Options.Verbose);

    /// <summary>Gets or sets the task a command is waiting for or downloading: named, with how to resume, if Ctrl+C stops it.</summary>
    public string? TaskId { get; set; }

    /// <summary>Gets or sets the command that resumes after Ctrl+C (for example <c>motion-control wait ID --provider kling</c>).</summary>
    public string? Resume { get; set; }

    /// <summary>Gets or sets a note for Ctrl+C, for example that the command's own emulator stopped with it.</summary>
    public string? InterruptNote { get; set; }

    /// <summary>Gets or sets what stopped at Ctrl+C, for its message ("waiting", "downloading").</summary>
    public string Activity { get; set; } = "the command";

    /// <summary>Opens the client of <c>--provider</c>, on the emulator when <c>--emulator</c> is given.</summary>
    public Task<ClientConnection> ConnectAsync(TimeSpan? waitTimeout = null) =>
        ClientConnection.OpenAsync(Parse.GetValue(Options.Provider), Parse.GetValue(Options.Emulator), waitTimeout, Verbose, Terminal.Error, CancellationToken);

    /// <summary>Prints the command's one JSON document, when <c>--json</c> was given.</summary>
    public void PrintJson<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        if (Terminal.Json)
        {
            Terminal.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, typeInfo));
        }
    }

    /// <summary>The tail of a follow-up command that keeps this one's provider and emulator choice.</summary>
    public static string FollowUpOptions(ClientConnection connection) =>
        $" --provider {connection.Provider}" + (connection.IsEmulator ? " --emulator" : string.Empty);

    /// <summary>Where a task's video goes: <c>--out</c>, else <c>&lt;task id&gt;.mp4</c> in the current folder.</summary>
    public string OutputPath(string taskId)
    {
        if (Parse.GetValue(Options.Out) is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        var invalid = Path.GetInvalidFileNameChars();
        string safe = new([.. taskId.Select(c => invalid.Contains(c) || c == ':' ? '_' : c)]);
        return Path.GetFullPath(safe + ".mp4");
    }
}
