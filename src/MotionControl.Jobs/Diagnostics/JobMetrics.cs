using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MotionControl.Jobs.Diagnostics;

/// <summary>
/// The job queue's <see cref="Meter"/> (<c>MotionControl.Jobs</c>): queue depth by state and each registration's
/// governor limit (gauges of the last values the worker read from the store), claims, lease take-overs and state
/// changes (counters). Names in docs/observability.md.
/// </summary>
internal static class JobMetrics
{
    public const string MeterName = "MotionControl.Jobs";

    private static readonly Meter Meter = new(MeterName, typeof(JobMetrics).Assembly.GetName().Version?.ToString());

    private static readonly ConcurrentDictionary<MotionControlJobState, int> Depth = new();

    private static readonly ConcurrentDictionary<string, int> Limits = new(StringComparer.Ordinal);

    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("motioncontrol.jobs.claims", "{job}", "Jobs claimed by a worker.");

    private static readonly Counter<long> TakeOvers = Meter.CreateCounter<long>("motioncontrol.jobs.lease_takeovers", "{job}", "Jobs claimed from a worker whose lease had expired.");

    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>("motioncontrol.jobs.transitions", "{job}", "Jobs that entered a state.");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("motioncontrol.jobs.governor.refusals", "{create}", "Creates the vendor refused for concurrency or rate.");

    static JobMetrics()
    {
        Meter.CreateObservableGauge("motioncontrol.jobs.queue.depth", ObserveDepth, "{job}", "Jobs in each non-terminal state, as the worker last counted them.");
        Meter.CreateObservableGauge("motioncontrol.jobs.governor.limit", ObserveLimits, "{task}", "Each registration's current concurrency limit.");
    }

    public static void RecordClaim(bool takeOver)
    {
        Claims.Add(1);
        if (takeOver)
        {
            TakeOvers.Add(1);
        }
    }

    public static void RecordTransition(string provider, MotionControlJobState state) =>
        Transitions.Add(1, new KeyValuePair<string, object?>("motioncontrol.provider", provider), new KeyValuePair<string, object?>("motioncontrol.job.state", state.ToString()));

    public static void RecordRefusal(string provider) => Refusals.Add(1, new KeyValuePair<string, object?>("motioncontrol.provider", provider));

    public static void SetDepth(IReadOnlyDictionary<MotionControlJobState, int> counts)
    {
        foreach (var state in (ReadOnlySpan<MotionControlJobState>)[MotionControlJobState.Pending, MotionControlJobState.Submitting, MotionControlJobState.Submitted])
        {
            Depth[state] = counts.TryGetValue(state, out var count) ? count : 0;
        }
    }

    public static void SetLimit(string provider, int limit) => Limits[provider] = limit;

    private static IEnumerable<Measurement<int>> ObserveDepth()
    {
        foreach (var (state, count) in Depth)
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("motioncontrol.job.state", state.ToString()));
        }
    }

    private static IEnumerable<Measurement<int>> ObserveLimits()
    {
        foreach (var (provider, limit) in Limits)
        {
            yield return new Measurement<int>(limit, new KeyValuePair<string, object?>("motioncontrol.provider", provider));
        }
    }
}
