using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotionControl.Providers.Kling;
using MotionControl.Testing;
using MotionControl.Tests.Polling;

namespace MotionControl.Tests.Webhooks;

/// <summary>
/// What a callback does to a client without ASP.NET Core: <see cref="MotionControlClient.ReportTaskUpdate"/> wakes the
/// waits on its task, and <see cref="MotionControlClientOptions.CallbackUrl"/> fills the callback field of requests that
/// set none.
/// </summary>
public sealed class TaskUpdateTests
{
    // Polls an hour apart, so a wait that ends sooner ended on the update.
    private static readonly MotionControlWaitOptions Hourly = MotionControlWaitOptions.Default with
    {
        Timeout = TimeSpan.FromDays(1),
        PollInterval = TimeSpan.FromHours(1),
        MaxPollInterval = TimeSpan.FromHours(1),
        MaxHintedPollInterval = TimeSpan.FromHours(1),
        ExpectedDuration = TimeSpan.Zero,
        Jitter = 0,
    };

    private static MotionControlTask Update(MotionControlTask running, MotionControlTaskStatus status, int? progress = null) => new()
    {
        Id = running.Id,
        ProviderName = running.ProviderName,
        Status = status,
        VendorStatus = status == MotionControlTaskStatus.Succeeded ? "succeed" : "processing",
        Progress = progress,
        Videos = status == MotionControlTaskStatus.Succeeded ? [new GeneratedVideo { Url = new Uri("http://127.0.0.1/pushed.mp4") }] : [],
    };

    private static async Task UntilAsync(Func<bool> condition)
    {
        var limit = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < limit, "the condition did not hold in time");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task A_terminal_update_ends_the_wait_at_once_without_another_poll()
    {
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.Kling, Hourly);
        run.Emulator.EnqueueLifecycle(MotionControlProviders.Kling, new TaskLifecycle().ProcessingForever());
        var submitted = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));

        var wait = run.Client.WaitForCompletionAsync(submitted.Id);
        await UntilAsync(() => run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get) == 1 && run.Clock.ArmedTimerCount >= 2);
        var start = run.Clock.GetUtcNow();

        Assert.Equal(1, run.Client.ReportTaskUpdate(Update(submitted, MotionControlTaskStatus.Succeeded)));
        var task = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("http://127.0.0.1/pushed.mp4", task.Videos[0].Url.OriginalString);
        Assert.Equal(1, run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.Equal(start, run.Clock.GetUtcNow()); // no virtual time passed: the hour's sleep was cut short
    }

    [Fact]
    public async Task A_running_update_is_watched_and_polling_goes_on_after_it()
    {
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.Kling, Hourly);
        run.Emulator.EnqueueLifecycle(MotionControlProviders.Kling, new TaskLifecycle().Processing(2).Succeeds());
        var submitted = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));

        var seen = new List<MotionControlTask>();
        var watch = Task.Run(async () =>
        {
            await foreach (var task in run.Client.WatchAsync(submitted.Id))
            {
                lock (seen)
                {
                    seen.Add(task);
                }
            }
        });
        await UntilAsync(() => run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get) == 1 && run.Clock.ArmedTimerCount >= 2);

        Assert.Equal(1, run.Client.ReportTaskUpdate(Update(submitted, MotionControlTaskStatus.Processing, progress: 40)));
        await UntilAsync(() => { lock (seen) { return seen.Any(t => t.Progress == 40); } });
        await UntilAsync(() => run.Clock.ArmedTimerCount >= 2);
        Assert.Equal(1, run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));

        // The update did not end the wait: the hourly polls still bring the task to its end.
        await run.StepUntilDoneAsync(watch, TimeSpan.FromMinutes(30), TimeSpan.FromHours(4));
        await watch;
        Assert.Equal(MotionControlTaskStatus.Succeeded, seen[^1].Status);
        Assert.True(run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get) >= 2);
    }

    [Fact]
    public async Task An_update_reaches_only_the_waits_on_its_own_task()
    {
        await using var run = await FakeClockJobRun.StartAsync(MotionControlProviders.Kling, Hourly);
        run.Emulator.EnqueueLifecycle(MotionControlProviders.Kling, new TaskLifecycle().ProcessingForever());
        run.Emulator.EnqueueLifecycle(MotionControlProviders.Kling, new TaskLifecycle().ProcessingForever());
        var first = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));
        var second = await run.Client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));
        Assert.Equal(0, run.Client.ReportTaskUpdate(Update(first, MotionControlTaskStatus.Succeeded))); // nobody waits yet

        using var stop = new CancellationTokenSource();
        var waitFirst = run.Client.WaitForCompletionAsync(first.Id, cancellationToken: stop.Token);
        var waitSecond = run.Client.WaitForCompletionAsync(second.Id, cancellationToken: stop.Token);
        await UntilAsync(() => run.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get) == 2 && run.Clock.ArmedTimerCount >= 4);

        Assert.Equal(1, run.Client.ReportTaskUpdate(Update(second, MotionControlTaskStatus.Succeeded)));
        Assert.Equal(second.Id, (await waitSecond.WaitAsync(TimeSpan.FromSeconds(10))).Id);
        Assert.False(waitFirst.IsCompleted);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitFirst);
        Assert.Equal(0, run.Client.ReportTaskUpdate(Update(first, MotionControlTaskStatus.Succeeded))); // its wait has ended
    }

    [Fact]
    public async Task The_default_callback_url_fills_requests_that_set_none()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var hook = new Uri("https://app.example.com/hooks/motion-control/kling");
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, o => o.CallbackUrl = hook);

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));
        var own = new Uri("https://elsewhere.example.com/mine");
        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling) with { CallbackUrl = own });

        var creates = emulator.Requests.Where(r => r.Operation == EmulatorOperation.Create).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("callback_url").GetString()).ToList();
        Assert.Equal([hook.AbsoluteUri, own.AbsoluteUri], creates);
    }

    [Fact]
    public async Task The_default_callback_url_goes_to_fal_as_the_fal_webhook_query()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var hook = new Uri("https://app.example.com/hooks/motion-control/fal");
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Fal, emulator, o => o.CallbackUrl = hook);

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Fal));

        var create = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.Equal("?fal_webhook=" + Uri.EscapeDataString(hook.AbsoluteUri), create.Query);
        Assert.DoesNotContain("app.example.com", create.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MotionControlProviders.Vydra)] // no callback field
    [InlineData(MotionControlProviders.AimlApi)] // no callback field
    public async Task A_vendor_whose_callbacks_the_sdk_does_not_read_gets_no_default_callback_url(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(provider, emulator, o => o.CallbackUrl = new Uri("https://app.example.com/hooks/" + provider));

        var task = await client.SubmitAsync(VendorTestBed.DefaultRequest(provider));

        Assert.False(string.IsNullOrEmpty(task.Id));
        var create = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.DoesNotContain("app.example.com", create.Body + create.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hooks/kling")]
    [InlineData("ftp://app.example.com/hooks/kling")]
    public void A_callback_url_that_is_not_absolute_http_is_refused_when_the_client_is_built(string url)
    {
        var options = VendorTestBed.Options(MotionControlProviders.Kling, new EmulatorCredentials());
        options.CallbackUrl = new Uri(url, UriKind.RelativeOrAbsolute);

        var error = Assert.Throws<ArgumentException>(() => VendorTestBed.Construct(options));

        Assert.Contains("CallbackUrl must be an absolute http or https URL.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallbackUrl_and_CallbackPollInterval_bind_from_configuration_and_a_bad_url_names_its_path()
    {
        static IServiceProvider Build(string callbackUrl) =>
            new ServiceCollection().AddMotionControl(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kling:ApiKey"] = "configured-kling-key",
                ["Kling:CallbackUrl"] = callbackUrl,
                ["Kling:WaitOptions:CallbackPollInterval"] = "00:05:00",
            }).Build()).AddKling().Services.BuildServiceProvider();

        var options = Build("https://app.example.com/hooks/kling").GetRequiredService<IOptionsMonitor<KlingOptions>>().Get(MotionControlProviders.Kling);
        var error = Assert.ThrowsAny<Exception>(() => Build("not a url").GetRequiredService<IOptionsMonitor<KlingOptions>>().Get(MotionControlProviders.Kling));

        Assert.Equal(new Uri("https://app.example.com/hooks/kling"), options.CallbackUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.WaitOptions.CallbackPollInterval);
        Assert.Contains("Kling:CallbackUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MotionControlProviders.Kling, true)]
    [InlineData(MotionControlProviders.Replicate, true)]
    [InlineData(MotionControlProviders.PowerTokens, false)]
    [InlineData(MotionControlProviders.ModelsLab, false)]
    [InlineData(MotionControlProviders.Fal, false)]
    [InlineData(MotionControlProviders.AimlApi, false)]
    [InlineData(MotionControlProviders.Vydra, false)]
    public void Only_vendors_that_sign_with_standard_webhooks_say_so(string provider, bool signs)
    {
        using var client = VendorTestBed.Construct(VendorTestBed.Options(provider, new EmulatorCredentials()));

        Assert.Equal(signs, client.Capabilities.SignsCallbacks);
    }
}
