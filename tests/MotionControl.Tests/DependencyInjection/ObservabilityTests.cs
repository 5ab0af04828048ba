using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

/// <summary>Logs, spans and metrics of a job on every vendor, and no credential in any of them.</summary>
public class ObservabilityTests
{
    private const string MeterName = "MotionControl";

    [Fact]
    public async Task Every_vendor_job_logs_traces_and_measures_without_leaking_a_secret()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var logs = new FakeLogCollector();
        var spans = new ConcurrentQueue<Activity>();

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

        // Every instrument of the SDK's meter (docs/observability.md); like the listener, they hear every test in the process.
        using var submissions = new MetricCollector<long>(null, MeterName, "motioncontrol.submissions");
        using var failures = new MetricCollector<long>(null, MeterName, "motioncontrol.failures");
        using var retries = new MetricCollector<long>(null, MeterName, "motioncontrol.retries");
        using var polls = new MetricCollector<int>(null, MeterName, "motioncontrol.wait.polls");
        using var waitDuration = new MetricCollector<double>(null, MeterName, "motioncontrol.wait.duration");
        using var charges = new MetricCollector<double>(null, MeterName, "motioncontrol.charge");

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
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
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

            var records = logs.GetSnapshot();
            Assert.Contains(records, e => e.Id.Id == 1000 && e.Category == "MotionControl." + provider && e.Message.Contains(task.Id, StringComparison.Ordinal));
            Assert.Contains(records, e => e.Id.Id == 1100 && e.Category == "MotionControl." + provider && e.Message.Contains("Succeeded", StringComparison.Ordinal));
            Assert.Contains(records, e => e.Id.Id == 1200 && e.Category == "MotionControl." + provider && e.Message.Contains("succeeded", StringComparison.Ordinal));
            Assert.Contains(records, e => e.Id.Id == 1300 && e.Category == "MotionControl." + provider);
            Assert.Contains(records, e => e.Id.Id == 1301 && e.Category == "MotionControl." + provider);

            Assert.Contains(ours, s => s.OperationName == "motioncontrol.submit" && Tag(s, "motioncontrol.provider") == provider && Tag(s, "motioncontrol.task.id") == task.Id);
            var wait = Assert.Single(ours, s => s.OperationName == "motioncontrol.wait" && Tag(s, "motioncontrol.task.id") == task.Id);
            Assert.Equal("Succeeded", Tag(wait, "motioncontrol.task.status"));
            Assert.Contains(ours, s => s.OperationName == "motioncontrol.poll" && s.ParentSpanId == wait.SpanId);

            Assert.Contains(submissions.GetMeasurementSnapshot(), m => Describe(m.Tags).Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(retries.GetMeasurementSnapshot(), m => Describe(m.Tags).Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(polls.GetMeasurementSnapshot(), m => m.Value >= 2 && Describe(m.Tags).Contains("motioncontrol.provider=" + provider, StringComparison.Ordinal));
            Assert.Contains(waitDuration.GetMeasurementSnapshot(), m => Describe(m.Tags).Contains("motioncontrol.wait.outcome=succeeded", StringComparison.Ordinal));

            // The charge the vendor reported: on the wait span, one log line, and the charge counter (ModelsLab, Replicate and fal report none).
            if (task.Charge is { } charge)
            {
                Assert.Equal(charge.Unit, Tag(wait, "motioncontrol.charge.unit"));
                Assert.Equal((double)charge.Amount, wait.GetTagItem("motioncontrol.charge.amount"));
                Assert.Contains(records, e => e.Id.Id == 1201 && e.Category == "MotionControl." + provider && e.Message.Contains(task.Id, StringComparison.Ordinal) && e.Message.Contains(charge.Unit, StringComparison.Ordinal));
                var model = HostFixture.Request().Model ?? ((MotionControlCapabilities)client.GetService(typeof(MotionControlCapabilities))!).DefaultModel;
                Assert.Contains(charges.GetMeasurementSnapshot(), m => m.Value == (double)charge.Amount && Describe(m.Tags).Contains($"motioncontrol.provider={provider},motioncontrol.model={model},motioncontrol.charge.unit={charge.Unit}", StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(provider, new[] { MotionControlProviders.ModelsLab, MotionControlProviders.Replicate, MotionControlProviders.Fal });
                Assert.Null(Tag(wait, "motioncontrol.charge.unit"));
                Assert.DoesNotContain(records, e => e.Id.Id == 1201 && e.Message.Contains(task.Id, StringComparison.Ordinal));
            }
        }

        await host.StopAsync();

        // Each log record whole: its formatted message, every structured value and the exception text.
        var tags = submissions.GetMeasurementSnapshot().Select(m => m.Tags)
            .Concat(failures.GetMeasurementSnapshot().Select(m => m.Tags))
            .Concat(retries.GetMeasurementSnapshot().Select(m => m.Tags))
            .Concat(polls.GetMeasurementSnapshot().Select(m => m.Tags))
            .Concat(waitDuration.GetMeasurementSnapshot().Select(m => m.Tags))
            .Concat(charges.GetMeasurementSnapshot().Select(m => m.Tags));
        var captured = string.Join("\n", logs.GetSnapshot().Select(LogLines.Line))
            + string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")))
            + string.Join("\n", tags.Select(Describe));
        var c = emulator.Credentials;
        SecretAssert.ShowsNoSecret(captured, [c.KlingSecretKey, c.KlingAccessKey, c.KlingApiKey, c.PowerTokensApiKey, c.ModelsLabApiKey, c.AimlApiKey, c.VydraApiKey, c.ReplicateApiKey, c.FalApiKey]);
        Assert.DoesNotContain("Bearer ", captured, StringComparison.Ordinal);
        Assert.DoesNotContain("Key emulator", captured, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charge_counter_tags_the_model_each_task_was_submitted_with()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, options => options.Model = "kling-v2-6");
        using var charges = new MetricCollector<double>(null, MeterName, "motioncontrol.charge");
        var request = VendorTestBed.DefaultRequest(MotionControlProviders.Kling);

        var v3 = await client.WaitForCompletionAsync((await client.SubmitAsync(request with { Model = "kling-v3", Mode = GenerationMode.Pro })).Id);
        var configured = await client.WaitForCompletionAsync((await client.SubmitAsync(request with { Mode = GenerationMode.Standard })).Id);

        // A task this client did not submit is counted under its configured model.
        using var other = VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, options => options.Model = "kling-v3");
        var elsewhere = await other.WaitForCompletionAsync(configured.Id);

        var mine = charges.GetMeasurementSnapshot().Where(m => m.Tags.TryGetValue("motioncontrol.provider", out var p) && (string?)p == MotionControlProviders.Kling).ToList();
        Assert.Equal((10m, 5m), (v3.Charge!.Amount, configured.Charge!.Amount));
        Assert.Contains(mine, m => (string?)m.Tags["motioncontrol.model"] == "kling-v3" && m.Value == 10);
        Assert.Contains(mine, m => (string?)m.Tags["motioncontrol.model"] == "kling-v2-6" && m.Value == 5);
        Assert.Equal(configured.Id, elsewhere.Id);
        Assert.Contains(mine, m => (string?)m.Tags["motioncontrol.model"] == "kling-v3" && m.Value == 5);
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    private static string Describe(IReadOnlyDictionary<string, object?> tags) => string.Join(",", tags.Select(t => $"{t.Key}={t.Value}"));
}
