using System.Diagnostics;
using Spectre.Console;

namespace MotionControl.Cli.Output;

/// <summary>
/// Watches a task to its end and shows it: on a terminal a live line (status, the vendor's progress or ETA, elapsed
/// time); redirected, one plain line per change; with <c>--json</c>, nothing.
/// </summary>
internal static class WaitDisplay
{
    /// <summary>Watches <paramref name="taskId"/> until it ends and returns its last state (failed tasks are returned, not thrown).</summary>
    public static async Task<MotionControlTask> WatchAsync(Terminal terminal, IMotionControlClient client, string taskId, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var elapsed = Stopwatch.StartNew();
        MotionControlTask? last = null;
        if (terminal.Json)
        {
            await foreach (var task in client.WatchAsync(taskId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                last = task;
            }
        }
        else if (terminal.IsTerminal)
        {
            await terminal.Out.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var line = progress.AddTask(Markup.Escape($"{taskId}: waiting"), maxValue: 100);
                    line.IsIndeterminate = true;
                    await foreach (var task in client.WatchAsync(taskId, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        last = task;
                        line.Description = Markup.Escape($"{taskId}: {Formats.TaskState(task, clock)}");
                        line.IsIndeterminate = task.Progress is null && !task.IsTerminal;
                        line.Value = task.Progress ?? 0;
                        if (task.IsTerminal)
                        {
                            line.Value = task.Status == MotionControlTaskStatus.Succeeded ? 100 : line.Value;
                            line.StopTask();
                        }
                    }
                }).ConfigureAwait(false);
        }
        else
        {
            await foreach (var task in client.WatchAsync(taskId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                last = task;
                terminal.Line($"[{Formats.Duration(elapsed.Elapsed)}] {taskId}: {Formats.TaskState(task, clock)}");
            }
        }

        return last ?? await client.GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
    }
}
