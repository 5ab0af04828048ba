using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;

namespace MotionControl.AspNetCore.Tests;

/// <summary>A span and a counter per callback, by outcome; logs that show no secret, signature or body.</summary>
public sealed class WebhookTelemetryTests
{
    [Fact]
    public async Task Each_callback_is_counted_and_traced_by_outcome_and_logs_show_no_secret_signature_or_body()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var logs = new FakeLogCollector();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MotionControl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var received = new MetricCollector<long>(null, "MotionControl", "motioncontrol.webhook.received");

        // Registration names of this test's own: the meter and the listener hear every test in the process.
        await using var host = await WebhookHost.StartAsync(
            mc => mc
                .AddKling("kling-observed", o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = emulator.Credentials.KlingApiKey; })
                .AddModelsLab("modelslab-observed", o => { o.BaseAddress = emulator.ModelsLabBaseAddress; o.ApiKey = emulator.Credentials.ModelsLabApiKey; }),
            o => o.SigningSecrets["kling-observed"] = emulator.Credentials.KlingWebhookSecret!,
            logging: b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds());
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().ProcessingForever());
        var unused = new Uri("http://127.0.0.1:9/unused");
        var kling = await host.Client("kling-observed").SubmitAsync(Requests.Kling() with { CallbackUrl = unused });
        var modelsLab = await host.Client("modelslab-observed").SubmitAsync(Requests.ModelsLab() with { CallbackUrl = unused });

        var signed = await emulator.SendCallbackAsync(EmulatorProviders.Kling, kling.Id, host.HookFor("kling-observed"), new EmulatorCallbackScript { Deliveries = 2 });
        await emulator.SendCallbackAsync(EmulatorProviders.Kling, kling.Id, host.HookFor("kling-observed"), new EmulatorCallbackScript { Signature = EmulatorCallbackSignature.Invalid });
        await emulator.SendCallbackAsync(EmulatorProviders.ModelsLab, modelsLab.Id, host.HookFor("modelslab-observed"));
        using (var http = new HttpClient())
        {
            using var forged = await http.PostAsync(host.HookFor("modelslab-observed"), new StringContent($$"""{"status":"success","id":{{modelsLab.Id}},"output":["https://attacker.example/x.mp4"]}""", Encoding.UTF8, "application/json"));
        }

        string Outcomes(string registration) => string.Join(",", received.GetMeasurementSnapshot()
            .Where(m => (string?)m.Tags["motioncontrol.registration"] == registration)
            .Select(m => (string?)m.Tags["motioncontrol.webhook.outcome"]));
        Assert.Equal("verified,duplicate,refused", Outcomes("kling-observed"));

        // The emulator's ModelsLab callback of a running task says "processing", as the vendor's read does: confirmed.
        Assert.Equal("confirmed,unconfirmed", Outcomes("modelslab-observed"));

        var ours = spans.Where(s => s.OperationName == "motioncontrol.webhook" && ((string?)s.GetTagItem("motioncontrol.registration"))?.EndsWith("-observed", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(5, ours.Count);
        Assert.Contains(ours, s => (string?)s.GetTagItem("motioncontrol.webhook.outcome") == "verified" && (string?)s.GetTagItem("motioncontrol.task.id") == kling.Id && (string?)s.GetTagItem("motioncontrol.provider") == "kling");

        var text = string.Join("\n", logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception}"))
            + string.Join("\n", ours.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")));
        Assert.Contains("Refused a kling-observed callback", text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.KlingWebhookSecret!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.KlingWebhookSecret!["whsec_".Length..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("v1,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.ModelsLabApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.KlingApiKey, text, StringComparison.Ordinal);
        Assert.NotNull(signed[0].WebhookId);
    }
}
