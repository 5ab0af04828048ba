using System.Globalization;

namespace MotionControl.Cli.Output;

/// <summary>How numbers, sizes and durations read on the terminal (invariant culture: scripts parse them).</summary>
internal static class Formats
{
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} {units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }

    public static string Duration(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Cost(MotionControlCostEstimate estimate) =>
        estimate.Minimum == estimate.Maximum
            ? $"{Money(estimate.Maximum)} {estimate.Unit}"
            : $"{Money(estimate.Minimum)}–{Money(estimate.Maximum)} {estimate.Unit}";

    /// <summary>One line for a task's state: status, progress or queue position, ETA.</summary>
    public static string TaskState(MotionControlTask task, TimeProvider clock)
    {
        var parts = new List<string> { DocumentMapper.StatusWord(task.Status) };
        if (task.Progress is { } progress)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{progress}%"));
        }

        if (task.QueuePosition is { } position)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"queue position {position}"));
        }

        if (!task.IsTerminal && task.EstimatedCompletion is { } eta)
        {
            var left = eta - clock.GetUtcNow();
            parts.Add("ETA " + Duration(left < TimeSpan.Zero ? TimeSpan.Zero : left));
        }

        return string.Join(", ", parts);
    }
}
