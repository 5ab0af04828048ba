using MotionControl.Cli.Tests.Support;

namespace MotionControl.Cli.Tests;

/// <summary>The display in a real terminal (tmux): live progress during the wait and the download, tables, Ctrl+C.</summary>
public sealed class TerminalTests
{
    private static string Command(string args) => $"dotnet '{Tool.DllPath}' {args}; echo \"exit=$?\"";

    [Fact]
    public async Task The_wait_shows_status_vendor_progress_and_elapsed_time_live_and_the_download_its_bytes_and_rate()
    {
        // Vydra reports progress in percent; it takes URLs only, so the media come from a local web server.
        await using var media = await MediaServer.StartAsync();
        await using var emulator = await EmulatorProcess.StartAsync("--job-polls", "12");   // counted in reads: the wait sees it processing however busy the machine
        await using var tmux = new Tmux();
        string folder = Tool.Scratch();
        await tmux.StartAsync(
            $"cd '{folder}' && " + Command($"generate --emulator --provider vydra --prompt 'a dancer' --image '{media.Url("image.png")}' --video '{media.Url("moov_first.mp4")}' --yes"),
            Tool.Environment(emulator.Environment));

        var during = await tmux.WaitForAsync(c => System.Text.RegularExpressions.Regex.IsMatch(c, @": processing, [1-9]\d?%"), "the task processing with its progress");
        Assert.Matches(@"processing, \d+%.*\d+%.*\d\d:\d\d:\d\d", during);   // status and vendor progress, the bar's percentage, the elapsed time
        Assert.Contains("Submitted task", during);
        Assert.DoesNotContain("exit=", during);

        var after = await tmux.WaitForAsync(c => c.Contains("exit=", StringComparison.Ordinal), "the command's end");
        Assert.Contains("exit=0", after);
        Assert.Matches(@": succeeded, 100%", after);
        Assert.Matches(@"downloaded \S+\.mp4: 2\.0 KB at [\d.]+ [KMG]?B/s", after);
        Assert.Contains("Saved ", after);
    }

    [Fact]
    public async Task Validate_in_a_terminal_draws_a_table_of_every_broken_rule()
    {
        await using var tmux = new Tmux();
        await tmux.StartAsync(Command($"validate --emulator --image '{Tool.Fixture("image.gif")}' --video '{Tool.Fixture("duration_31s.mp4")}'"), Tool.Environment(new Dictionary<string, string> { ["MOTIONCONTROL_EMULATOR_URL"] = Tool.NoEmulator }));

        var capture = await tmux.WaitForAsync(c => c.Contains("exit=", StringComparison.Ordinal), "the command's end");

        Assert.Contains("exit=2", capture);
        Assert.Contains("Broken rules", capture);
        Assert.Contains("╭", capture);
        var row = capture.Split('\n').Single(l => l.Contains("video.duration.max", StringComparison.Ordinal));
        Assert.Contains("31 s", row);
        Assert.Contains("at most 30 s", row);
        Assert.Matches(@"\u001b\[(3[1-7]|9[1-7]|38;5;\d+|38;2;[\d;]+)m", await tmux.CaptureWithColorsAsync());   // a terminal gets colors (redirected output gets none: CommandTests)
    }

    [Fact]
    public async Task Ctrl_C_in_a_terminal_stops_the_wait_and_prints_the_task_to_resume()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--job-polls", "100000");
        await using var tmux = new Tmux();
        await tmux.StartAsync(Command($"generate --emulator --image '{Tool.Image}' --video '{Tool.Video}' --yes --out '{Path.Combine(Tool.Scratch(), "x.mp4")}'"), Tool.Environment(emulator.Environment));
        await tmux.WaitForAsync(c => c.Contains(": processing", StringComparison.Ordinal), "the task processing");

        await tmux.SendKeysAsync("C-c");

        var capture = await tmux.WaitForAsync(c => c.Contains("exit=", StringComparison.Ordinal), "the command's end");
        Assert.Contains("exit=130", capture);
        Assert.Contains("Resume with: motion-control wait", capture.Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_terminal_generate_asks_before_spending_and_a_no_sends_nothing()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var tmux = new Tmux();
        await tmux.StartAsync(Command($"generate --emulator --image '{Tool.Image}' --video '{Tool.Video}' --out '{Path.Combine(Tool.Scratch(), "x.mp4")}'"), Tool.Environment(emulator.Environment));
        var prompt = await tmux.WaitForAsync(c => c.Contains("Submit to replicate?", StringComparison.Ordinal), "the confirmation prompt");
        Assert.Contains("is above --confirm-above 0", prompt.Replace("\n", string.Empty, StringComparison.Ordinal));

        await tmux.SendKeysAsync("n");
        await tmux.SendKeysAsync("Enter");

        var capture = await tmux.WaitForAsync(c => c.Contains("exit=", StringComparison.Ordinal), "the command's end");
        Assert.Contains("exit=1", capture);
        Assert.Contains("you declined", capture);
        Assert.DoesNotContain("Submitted task", capture);
    }
}
