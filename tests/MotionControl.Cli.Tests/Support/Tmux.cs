using System.Diagnostics;

namespace MotionControl.Cli.Tests.Support;

/// <summary>
/// A real terminal: a tmux server of the test's own (its own socket), one 120x30 window running a shell command, and
/// captures of what the pane shows. tmux must be installed (.ci/run installs it); a missing tmux fails the test.
/// </summary>
internal sealed class Tmux : IAsyncDisposable
{
    private readonly string _socket = "mc-cli-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Starts <paramref name="command"/> (a shell command line) in a new session with <paramref name="environment"/>.</summary>
    public async Task StartAsync(string command, IDictionary<string, string> environment)
    {
        var args = new List<string> { "-L", _socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "30", "-s", "cli" };
        foreach (var (key, value) in environment)
        {
            args.AddRange(["-e", $"{key}={value}"]);
        }

        args.Add(command);
        await RunAsync(args);
        await RunAsync(["-L", _socket, "set-option", "-t", "cli", "remain-on-exit", "on"]);
    }

    /// <summary>What the pane shows now (plain text, no escape codes).</summary>
    public async Task<string> CaptureAsync() => await RunAsync(["-L", _socket, "capture-pane", "-p", "-t", "cli"]);

    /// <summary>What the pane shows now with its colors, as SGR escape sequences.</summary>
    public async Task<string> CaptureWithColorsAsync() => await RunAsync(["-L", _socket, "capture-pane", "-p", "-e", "-t", "cli"]);

    /// <summary>Captures until <paramref name="done"/> holds for the capture (or 60 s pass, then fails with the last capture).</summary>
    public async Task<string> WaitForAsync(Func<string, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        string capture = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            capture = await CaptureAsync();
            if (done(capture))
            {
                return capture;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The terminal never showed {what}. Last capture:\n{capture}");
        return capture;
    }

    public Task SendKeysAsync(string keys) => RunAsync(["-L", _socket, "send-keys", "-t", "cli", keys]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(["-L", _socket, "kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> RunAsync(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TMUX");
        info.Environment.Remove("NO_COLOR");   // the tmux server passes its environment on to the pane
        using var process = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start: is it installed (apt-get install tmux)?");
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {error}");
    }
}
