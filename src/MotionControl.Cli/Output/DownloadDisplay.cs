using System.Diagnostics;
using Spectre.Console;

namespace MotionControl.Cli.Output;

/// <summary>
/// Downloads a task's video to a file and shows it: on a terminal a live line (bytes so far, rate); then, everywhere
/// but <c>--json</c>, one line with the size and the average rate.
/// </summary>
internal static class DownloadDisplay
{
    public static async Task<long> DownloadAsync(Terminal terminal, IMotionControlClient client, MotionControlTask task, string path, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        string name = Path.GetFileName(path);
        long bytes;
        if (terminal.IsTerminal && !terminal.Json)
        {
            bytes = await terminal.Out.Progress()
                .AutoClear(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var line = progress.AddTask(Markup.Escape($"downloading {name}"), maxValue: 1);
                    line.IsIndeterminate = true;
                    var report = new DownloadProgress(n => line.Description = Markup.Escape($"downloading {name}: {Formats.Bytes(n)} at {Rate(n, elapsed.Elapsed)}"));
                    long written = await client.DownloadVideoAsync(task, path, report, cancellationToken).ConfigureAwait(false);
                    line.Description = Markup.Escape($"downloaded {name}: {Formats.Bytes(written)} at {Rate(written, elapsed.Elapsed)}");
                    line.IsIndeterminate = false;
                    line.Value = 1;
                    line.StopTask();
                    return written;
                }).ConfigureAwait(false);
        }
        else
        {
            bytes = await client.DownloadVideoAsync(task, path, progress: null, cancellationToken).ConfigureAwait(false);
        }

        terminal.Line($"Saved {path} ({bytes:N0} bytes, {Formats.Bytes(bytes)}, {Rate(bytes, elapsed.Elapsed)}).");
        return bytes;
    }

    private static string Rate(long bytes, TimeSpan elapsed) =>
        Formats.Bytes(bytes / Math.Max(elapsed.TotalSeconds, 0.001)) + "/s";

    /// <summary>Reports synchronously, on the downloading thread (<see cref="Progress{T}"/> would post and arrive late).</summary>
    private sealed class DownloadProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
