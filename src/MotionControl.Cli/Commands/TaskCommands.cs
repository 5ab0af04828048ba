using System.CommandLine;
using MotionControl.Cli.Output;

namespace MotionControl.Cli.Commands;

/// <summary><c>status</c>, <c>wait</c>, <c>cancel</c> and <c>download</c>: one task, by id, from any process.</summary>
internal static class TaskCommands
{
    public static Command Status(CliOptions o)
    {
        var command = new Command("status", "Show a task's current state (one read).");
        command.Arguments.Add(o.TaskId);
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync().ConfigureAwait(false);
            var task = await connection.Client.GetTaskAsync(context.Parse.GetValue(o.TaskId)!, context.CancellationToken).ConfigureAwait(false);
            TaskView.Show(context.Terminal, task);
            context.PrintJson(DocumentMapper.Task(task), CliJsonContext.Readable.TaskDocument);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Wait(CliOptions o)
    {
        var command = new Command("wait", "Wait for a task to end, with live progress (Ctrl+C stops waiting; the task keeps running).");
        command.Arguments.Add(o.TaskId);
        command.Options.Add(o.Timeout);
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync(context.Parse.GetValue(o.Timeout)).ConfigureAwait(false);
            string id = context.Parse.GetValue(o.TaskId)!;
            context.TaskId = id;
            context.Activity = "waiting";
            context.Resume = $"motion-control wait {id}{CommandContext.FollowUpOptions(connection)}";
            var task = await WaitDisplay.WatchAsync(context.Terminal, connection.Client, id, context.CancellationToken).ConfigureAwait(false);
            if (task.Status != MotionControlTaskStatus.Succeeded)
            {
                throw new MotionControlTaskFailedException(task);
            }

            TaskView.Show(context.Terminal, task);
            context.Terminal.Line($"Download it with: motion-control download {id}{CommandContext.FollowUpOptions(connection)}");
            context.PrintJson(DocumentMapper.Task(task), CliJsonContext.Readable.TaskDocument);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Cancel(CliOptions o)
    {
        var command = new Command("cancel", "Ask the vendor to stop a task (Vydra, Replicate, fal before it starts).");
        command.Arguments.Add(o.TaskId);
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync().ConfigureAwait(false);
            var task = await connection.Client.CancelAsync(context.Parse.GetValue(o.TaskId)!, context.CancellationToken).ConfigureAwait(false);
            context.Terminal.Line(task.Status == MotionControlTaskStatus.Canceled
                ? $"Canceled {task.Id} on {connection.Provider}."
                : $"{connection.Provider} did not cancel {task.Id}: it is {DocumentMapper.StatusWord(task.Status)} (the vendor cancels only a task that has not started).");
            TaskView.Show(context.Terminal, task);
            context.PrintJson(DocumentMapper.Task(task), CliJsonContext.Readable.TaskDocument);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Download(CliOptions o)
    {
        var command = new Command("download", "Download a succeeded task's video (written to a temporary file, moved into place when complete).");
        command.Arguments.Add(o.TaskId);
        command.Options.Add(o.Out);
        ConnectionInput.AddTo(command, o);
        CliApplication.SetAction(command, o, async context =>
        {
            await using var connection = await context.ConnectAsync().ConfigureAwait(false);
            string id = context.Parse.GetValue(o.TaskId)!;
            var task = await connection.Client.GetTaskAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (task.Status != MotionControlTaskStatus.Succeeded)
            {
                throw task.IsTerminal
                    ? new MotionControlTaskFailedException(task)
                    : new CliUsageException($"The task {id} is {DocumentMapper.StatusWord(task.Status)}, not finished: wait for it first (motion-control wait {id}{CommandContext.FollowUpOptions(connection)}).") { ExitCode = ExitCodes.Failure, Kind = "not-finished" };
            }

            string path = context.OutputPath(id);
            context.TaskId = id;
            context.Activity = "downloading";
            context.Resume = $"motion-control download {id}{CommandContext.FollowUpOptions(connection)}";
            long bytes = await DownloadDisplay.DownloadAsync(context.Terminal, connection.Client, task, path, context.CancellationToken).ConfigureAwait(false);
            context.PrintJson(new DownloadDocument(id, connection.Provider, path, bytes), CliJsonContext.Readable.DownloadDocument);
            return ExitCodes.Success;
        });
        return command;
    }
}
