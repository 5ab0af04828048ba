using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotionControl.AspNetCore;
using MotionControl.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>
/// How soon a wait ends after its task does: woken by the task's signed callback through a real Kestrel webhook endpoint,
/// against the baseline of the same wait ended by polling every 100 ms, in the same run (docs/performance.md).
/// </summary>
internal static class WakeScenarios
{
    // TEST-NET-1 (RFC 5737): a callback address nobody answers, which the emulator does not call (not loopback).
    private static readonly Uri Nowhere = new("http://192.0.2.1/unused");

    private static readonly MotionControlRequest Request = new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        CharacterOrientation = CharacterOrientation.Video,
    };

    public static async Task<int> RunAsync(int jobs = 60)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddMotionControl()
            .AddKling(o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = emulator.Credentials.KlingApiKey; })
            .AddWebhooks(o =>
            {
                o.PublicBaseUrl = baseAddress;
                o.SigningSecrets["kling"] = emulator.Credentials.KlingWebhookSecret!;
            });
        await using var app = builder.Build();
        app.MapMotionControlWebhooks();
        await app.StartAsync();
        var client = app.Services.GetRequiredService<IMotionControlClientFactory>().GetClient("kling");

        // The baseline polls every 100 ms; the callback waits would poll every 2 minutes (CallbackPollInterval), so
        // only the callback can end them within a job.
        var polling = MotionControlWaitOptions.Default with
        {
            PollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(100),
            MaxHintedPollInterval = TimeSpan.FromMilliseconds(100),
            ExpectedDuration = TimeSpan.Zero,
            Jitter = 0,
            Timeout = TimeSpan.FromMinutes(1),
        };

        // Warm-up: one job of each kind.
        await OneAsync(emulator, client, withCallback: true, polling, 300);
        await OneAsync(emulator, client, withCallback: false, polling, 300);

        var woken = new List<double>();
        var polled = new List<double>();
        for (var i = 0; i < jobs; i++)
        {
            // Job lengths spread over one poll interval (300-399 ms), so the baseline's polls do not line up with the ends.
            var length = 300 + (i * 37 % 100);
            woken.Add(await OneAsync(emulator, client, withCallback: true, polling, length));
            polled.Add(await OneAsync(emulator, client, withCallback: false, polling, length));
        }

        var direct = await DirectAsync(emulator, client, jobs);
        var wokenMedian = Percentile(woken, 0.5);
        var polledMedian = Percentile(polled, 0.5);
        Console.WriteLine(FormattableString.Invariant($"wake-up after the task ended, {jobs} jobs each (ms): callback through Kestrel median {wokenMedian:0.0}, p95 {Percentile(woken, 0.95):0.0}; polling every 100 ms (baseline, same run) median {polledMedian:0.0}, p95 {Percentile(polled, 0.95):0.0}; ratio of medians {wokenMedian / polledMedian:0.00}"));
        Console.WriteLine(FormattableString.Invariant($"ReportTaskUpdate to the wait's end, in process, {jobs} waits (ms): median {Percentile(direct, 0.5):0.000}, p95 {Percentile(direct, 0.95):0.000}"));
        await app.StopAsync();
        return 0;
    }

    /// <summary>One job of <paramref name="milliseconds"/>: milliseconds from its end (the emulator's completion time) to the end of the wait.</summary>
    private static async Task<double> OneAsync(MotionControlEmulator emulator, IMotionControlClient client, bool withCallback, MotionControlWaitOptions polling, int milliseconds)
    {
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(milliseconds)).Succeeds());

        // Without a callback: a URL the emulator does not call (not loopback) instead of the endpoint's, polled every 100 ms.
        var task = await client.SubmitAsync(withCallback ? Request : Request with { CallbackUrl = Nowhere });
        var options = withCallback ? MotionControlWaitOptions.Default with { Timeout = TimeSpan.FromMinutes(1) } : polling with { CallbackPollInterval = TimeSpan.Zero };
        await client.WaitForCompletionAsync(task.Id, options);
        var done = DateTimeOffset.UtcNow;
        var ended = emulator.FindTask(EmulatorProviders.Kling, task.Id)!.CompletedAt!.Value;
        return (done - ended).TotalMilliseconds;
    }

    /// <summary>Waits on running tasks, each ended by ReportTaskUpdate: milliseconds from the call to the wait's end.</summary>
    private static async Task<List<double>> DirectAsync(MotionControlEmulator emulator, IMotionControlClient client, int jobs)
    {
        var times = new List<double>();
        var kling = (MotionControlClient)client;
        for (var i = 0; i < jobs; i++)
        {
            emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().ProcessingForever());
            var reads = emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get);
            var task = await client.SubmitAsync(Request with { CallbackUrl = Nowhere });
            var wait = client.WaitForCompletionAsync(task.Id, MotionControlWaitOptions.Default with { Timeout = TimeSpan.FromMinutes(1) });
            while (emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get) == reads)
            {
                await Task.Delay(1);
            }

            await Task.Delay(20); // the first poll is answered and the wait sleeps
            var update = task with { Status = MotionControlTaskStatus.Succeeded, VendorStatus = "succeed" };
            var clock = Stopwatch.StartNew();
            kling.ReportTaskUpdate(update);
            await wait;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
