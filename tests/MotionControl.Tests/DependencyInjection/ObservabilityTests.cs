using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

/// <summary>Logs, spans and metrics of a job on every vendor, and no credential in any of them.</summary>
public class ObservabilityTests
{
    [Fact]
    public async Task Every_vendor_job_logs_traces_and_measures_without_leaking_a_secret()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var logs = new CapturingLoggerProvider();
        var spans = new ConcurrentQueue<Activity>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();

        // The listener hears every test running in this process, and emulators hand out the same task ids: each job runs
        // under a root span of this test's own, and only spans of that trace count.
        using var testSource = new ActivitySource("MotionControl.Tests.Observability");
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MotionControl" or "MotionControl.Tests.Observability",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);

        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MotionControl")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Describe(tags))));
        meterListener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Describe(tags))));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Describe(tags))));
        meterListener.Start();

        // A transient fault on every vendor's first read, so retries are logged and counted too.
        foreach (var provider in MotionControlProviders.All)
        {
            var read = provider == MotionControlProviders.ModelsLab ? EmulatorOperation.Fetch : EmulatorOperation.Get;
            emulator.AddFault(provider, read, EmulatorFault.ServerError(503), FaultSchedule.OnCall(1));
        }

        using var host = HostFixture.Build(HostFixture.Json(emulator), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
        });
        await host.StartAsync();

        foreach (var provider in MotionControlProviders.All)
        {
            var client = host.Services.GetRequiredKeyedService<IMotionControlClient>(provider);
            MotionControlTask task;
            ActivityTraceId trace;
            using (var root = testSource.StartActivity("observability-test-job"))
            {
                Assert.NotNull(root);
                trace = root.TraceId;
                task = await client.GenerateAsync(HostFixture.Request());
            }

            Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
            var ours = spans.Where(s => s.TraceId == trace).ToList();

            Assert.Contains(logs.Entries, e => e.EventId == 1000 && e.Category == "MotionControl." + provider && e.Message.Contains(task.Id, StringComparison.Ordinal));
            Assert.Contains(logs.Entries, e => e.EventId == 1100 && e.Category == "MotionControl." + provider && e.Message.Contains("Succeeded", StringComparison.Ordinal));
            Assert.Contains(logs.Entries, e => e.EventId == 1200 && e.Category == "MotionControl." + provider && e.Message.Contains("succeeded", StringComparison.Ordinal));
            Assert.Contains(logs.Entries, e => e.EventId == 1300 && e.Category == "MotionControl." + provider);
            Assert.Contains(logs.Entries, e => e.EventId == 1301 && e.Category == "MotionControl." + provider);

            Assert.Contains(ours, s => s.OperationName == "motioncontrol.submit" && Tag(s, "motioncontrol.provider") == provider && Tag(s, "motioncontrol.task.id") == task.Id);
            var wait = Assert.Single(ours, s => s.OperationName == "motioncontrol.wait" && Tag(s, "motioncontrol.task.id") == task.Id);
            Assert.Equal("Succeeded", Tag(wait, "motioncontrol.task.status"));
            Assert.Contains(ours, s => s.OperationName == "motioncontrol.poll" && s.ParentSpanId == wait.SpanId);

            Assert.Contains(measurements, m => m.Instrument == "motioncontrol.submissions" && m.Tags.Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(measurements, m => m.Instrument == "motioncontrol.retries" && m.Tags.Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(measurements, m => m.Instrument == "motioncontrol.wait.polls" && m.Value >= 2 && m.Tags.Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(measurements, m => m.Instrument == "motioncontrol.wait.duration" && m.Tags.Contains("motioncontrol.wait.outcome=succeeded", StringComparison.Ordinal));
        }

        await host.StopAsync();

        var captured = string.Join("\n", logs.Entries.Select(e => e.Message + " " + e.State + " " + e.Exception))
            + string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")))
            + string.Join("\n", measurements.Select(m => m.Tags));
        var c = emulator.Credentials;
        foreach (var secret in new[] { c.KlingSecretKey, c.KlingAccessKey, c.KlingApiKey, c.PowerTokensApiKey, c.ModelsLabApiKey, c.AimlApiKey, c.VydraApiKey })
        {
            Assert.DoesNotContain(secret, captured, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("eyJ", captured, StringComparison.Ordinal); // no JWT
        Assert.DoesNotContain("Bearer ", captured, StringComparison.Ordinal);
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }

    private sealed record Entry(string Category, int EventId, LogLevel Level, string Message, string State, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                entries.Enqueue(new Entry(category, eventId.Id, logLevel, formatter(state, exception), values, exception));
            }
        }
    }
}
