using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MotionControl.Cli.Tests.Support;

/// <summary>
/// A long-lived <c>motion-control emulator --port 0 --json</c> process: the URL it printed, and the environment that
/// points <c>--emulator</c> commands of other processes at it. Disposing ends it.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public Dictionary<string, string> Environment => new() { ["MOTIONCONTROL_EMULATOR_URL"] = Url };

    public static async Task<EmulatorProcess> StartAsync(params string[] extra)
    {
        var process = Tool.Start(["emulator", "--port", "0", "--json", .. extra]);
        try
        {
            // The one JSON document comes first (indented): read lines until it parses.
            var text = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                text.AppendLine(line);
                if (line == "}")
                {
                    break;
                }
            }

            using var document = JsonDocument.Parse(text.ToString());
            string url = document.RootElement.GetProperty("url").GetString()!;
            Assert.StartsWith("http://127.0.0.1:", url);
            return new EmulatorProcess(process, url);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
