using System.Diagnostics;

namespace MotionControl.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> (<c>MotionControl</c>): spans for submit, poll and wait, tagged with the provider,
/// task id and status (docs/observability.md). Tags never carry credentials.
/// </summary>
internal static class MotionControlTelemetry
{
    public const string SourceName = "MotionControl";

    public const string ProviderTag = "motioncontrol.provider";

    public const string TaskIdTag = "motioncontrol.task.id";

    public const string StatusTag = "motioncontrol.task.status";

    public static readonly ActivitySource Source = new(SourceName, typeof(MotionControlTelemetry).Assembly.GetName().Version?.ToString());

    public static Activity? Start(string name, string provider, string? taskId = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(ProviderTag, provider);
            if (taskId is not null)
            {
                activity.SetTag(TaskIdTag, taskId);
            }
        }

        return activity;
    }

    public static void Complete(Activity? activity, MotionControlTask task)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TaskIdTag, task.Id);
        activity.SetTag(StatusTag, task.Status.ToString());
        if (task.Charge is { } charge)
        {
            activity.SetTag("motioncontrol.charge.amount", (double)charge.Amount);
            activity.SetTag("motioncontrol.charge.unit", charge.Unit);
        }
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag("error.type", exception.GetType().Name);
    }
}
