using System.Diagnostics.Metrics;

namespace MotionControl.Diagnostics;

/// <summary>
/// The SDK's <see cref="Meter"/> (<c>MotionControl</c>): submissions, failures by kind, retries, polls per task and wait
/// duration. Instrument names follow OpenTelemetry conventions (docs/observability.md).
/// </summary>
internal static class MotionControlMetrics
{
    public const string MeterName = "MotionControl";

    private static readonly Meter Meter = new(MeterName, typeof(MotionControlMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("motioncontrol.submissions", "{task}", "Tasks submitted.");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("motioncontrol.failures", "{failure}", "Calls and tasks that failed, by error kind.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("motioncontrol.retries", "{retry}", "Vendor calls retried after a transient failure.");

    private static readonly Histogram<int> PollsPerTask = Meter.CreateHistogram<int>("motioncontrol.wait.polls", "{poll}", "Polls a wait made before it ended.");

    private static readonly Counter<double> Charges = Meter.CreateCounter<double>("motioncontrol.charge", "{amount}", "What vendors reported charging for tasks whose wait ended, in the unit of the motioncontrol.charge.unit tag.");

    private static readonly Histogram<double> WaitDuration = Meter.CreateHistogram<double>("motioncontrol.wait.duration", "s", "How long waits took until they ended.");

    public static void RecordSubmission(string provider) =>
        Submissions.Add(1, new KeyValuePair<string, object?>("motioncontrol.provider", provider));

    public static void RecordFailure(string provider, string operation, Exception exception) =>
        Failures.Add(
            1,
            new KeyValuePair<string, object?>("motioncontrol.provider", provider),
            new KeyValuePair<string, object?>("motioncontrol.operation", operation),
            new KeyValuePair<string, object?>("error.type", exception.GetType().Name));

    public static void RecordRetry(string provider, string operation, Exception? exception) =>
        Retries.Add(
            1,
            new KeyValuePair<string, object?>("motioncontrol.provider", provider),
            new KeyValuePair<string, object?>("motioncontrol.operation", operation),
            new KeyValuePair<string, object?>("error.type", exception?.GetType().Name ?? "unknown"));

    /// <summary>What a vendor charged for a task whose wait ended, by provider, model and unit.</summary>
    public static void RecordCharge(string provider, string model, MotionControlCharge charge) =>
        Charges.Add(
            (double)charge.Amount,
            new KeyValuePair<string, object?>("motioncontrol.provider", provider),
            new KeyValuePair<string, object?>("motioncontrol.model", model),
            new KeyValuePair<string, object?>("motioncontrol.charge.unit", charge.Unit));

    public static void RecordWait(string provider, string outcome, int polls, TimeSpan elapsed)
    {
        var tags = new[]
        {
            new KeyValuePair<string, object?>("motioncontrol.provider", provider),
            new KeyValuePair<string, object?>("motioncontrol.wait.outcome", outcome),
        };
        PollsPerTask.Record(polls, tags);
        WaitDuration.Record(elapsed.TotalSeconds, tags);
    }
}
