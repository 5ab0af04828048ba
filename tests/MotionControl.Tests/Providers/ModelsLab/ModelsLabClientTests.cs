using System.Net;
using System.Text.Json;
using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.ModelsLab;

/// <summary>ModelsLab through the neutral client and its typed API, over real HTTP against the emulator.</summary>
public sealed class ModelsLabClientTests
{
    private readonly FakeTimeProvider _clock = new();

    /// <summary>The emulator and the client share a manual clock; <see cref="Virtually"/> moves it while a wait sleeps.</summary>
    private Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.StartAsync(
            MotionControlProviders.ModelsLab,
            o =>
            {
                // Virtual time runs in 250 ms steps: no deadline may pass while real work is in flight.
                o.RequestTimeout = TimeSpan.FromMinutes(10);
                o.WaitOptions = VendorTestBed.FastWait with { Timeout = TimeSpan.FromHours(1) };
                configure?.Invoke(o);
            },
            clock: _clock);

    private Task<T> Virtually<T>(Func<Task<T>> work) => FakeClock.RunAsync(_clock, work(), TimeSpan.FromMilliseconds(250));

    [Fact]
    public async Task Submit_then_wait_succeeds_with_the_video_from_output()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        var submitted = await client.SubmitAsync(bed.Request());
        var done = await Virtually(() => client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("success", done.VendorStatus);
        var emulated = bed.Emulator.FindTask(EmulatorProviders.ModelsLab, submitted.Id);
        Assert.NotNull(emulated);
        Assert.Equal(EmulatedTaskStatus.Succeeded, emulated.Status);
        var video = Assert.Single(done.Videos);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"files/videos/modelslab/{submitted.Id}/0.mp4"), video.Url);
        Assert.Equal("success", done.Raw?.GetProperty("status").GetString());
        Assert.Null(done.EstimatedCompletion);
    }

    [Fact]
    public async Task The_create_body_carries_the_key_and_every_field_as_ModelsLab_spells_it()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        await client.SubmitAsync(bed.Request() with
        {
            CharacterOrientation = CharacterOrientation.Image,
            Mode = GenerationMode.Pro,
            Model = ModelsLabClient.KlingV3Model,
            CallbackUrl = new Uri("https://example.com/hooks/modelslab"),
        });

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("POST", create.Method);
        Assert.Equal("/api/v7/video-fusion/motion-control", create.Path);
        Assert.False(create.Headers.ContainsKey("Authorization"));
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(bed.Emulator.Credentials.ModelsLabApiKey, body.GetProperty("key").GetString());
        Assert.Equal("kling-v3-motion-control", body.GetProperty("model_id").GetString());
        Assert.Equal("https://example.com/character.png", body.GetProperty("init_image").GetString());
        Assert.Equal("https://example.com/dance.mp4", body.GetProperty("init_video").GetString());
        Assert.Equal(VendorTestBed.DefaultPrompt, body.GetProperty("prompt").GetString());
        Assert.Equal("image", body.GetProperty("character_orientation").GetString());
        Assert.Equal("pro", body.GetProperty("mode").GetString());
        Assert.Equal("https://example.com/hooks/modelslab", body.GetProperty("webhook").GetString());
        Assert.All(body.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.False(body.TryGetProperty("track_id", out _));
    }

    [Fact]
    public async Task Defaults_send_the_default_model_and_the_video_orientation_and_leave_mode_and_webhook_out()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        await client.SubmitAsync(bed.Request());

        var body = JsonDocument.Parse(Assert.Single(bed.Calls(EmulatorOperation.Create)).Body).RootElement;
        Assert.Equal("kling-motion-control", body.GetProperty("model_id").GetString());
        Assert.Equal("video", body.GetProperty("character_orientation").GetString());
        Assert.False(body.TryGetProperty("mode", out _));
        Assert.False(body.TryGetProperty("webhook", out _));
    }

    [Fact]
    public async Task Polling_is_a_POST_to_fetch_with_only_the_key_in_the_body()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        var submitted = await client.SubmitAsync(bed.Request());

        var polled = await client.GetTaskAsync(submitted.Id);

        var fetch = Assert.Single(bed.Calls(EmulatorOperation.Fetch));
        Assert.Equal("POST", fetch.Method);
        Assert.Equal($"/api/v7/video-fusion/fetch/{submitted.Id}", fetch.Path);
        var body = JsonDocument.Parse(fetch.Body).RootElement;
        Assert.Equal(bed.Emulator.Credentials.ModelsLabApiKey, Assert.Single(body.EnumerateObject(), p => p.Name == "key").Value.GetString());
        Assert.Single(body.EnumerateObject());
        Assert.Equal(MotionControlTaskStatus.Processing, polled.Status);
        Assert.Equal("processing", polled.VendorStatus);
    }

    [Fact]
    public async Task A_numeric_id_becomes_its_digits()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        var submitted = await client.SubmitAsync(bed.Request());

        Assert.Equal(JsonValueKind.Number, submitted.Raw?.GetProperty("id").ValueKind);
        Assert.Equal(submitted.Raw?.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), submitted.Id);
        Assert.NotNull(bed.Emulator.FindTask(EmulatorProviders.ModelsLab, submitted.Id));
    }

    [Fact]
    public async Task A_string_id_is_taken_as_is_on_create_and_fetch()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabIdAsString());
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, EmulatorFault.ModelsLabIdAsString(), FaultSchedule.EveryCall);

        var submitted = await client.SubmitAsync(bed.Request());
        var done = await Virtually(() => client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(JsonValueKind.String, submitted.Raw?.GetProperty("id").ValueKind);
        Assert.NotNull(bed.Emulator.FindTask(EmulatorProviders.ModelsLab, submitted.Id));
        Assert.Equal(submitted.Id, done.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
    }

    [Fact]
    public async Task A_create_reply_with_only_fetch_result_gives_the_id_from_its_last_segment()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabReplyWithoutId());
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, EmulatorFault.ModelsLabReplyWithoutId(), FaultSchedule.EveryCall);

        var submitted = await client.SubmitAsync(bed.Request());
        var done = await Virtually(() => client.WaitForCompletionAsync(submitted.Id));

        Assert.False(submitted.Raw?.TryGetProperty("id", out _));
        var emulated = Assert.Single(bed.Emulator.GetTasks(EmulatorProviders.ModelsLab));
        Assert.Equal(emulated.Id, submitted.Id);
        Assert.Equal(submitted.Id, done.Id);
        Assert.Single(done.Videos);
    }

    [Fact]
    public async Task Eta_becomes_the_estimated_completion_on_the_clients_clock()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        var submitted = await client.SubmitAsync(bed.Request());

        var eta = submitted.Raw!.Value.GetProperty("eta").GetDouble();
        Assert.True(eta > 0);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(eta), submitted.EstimatedCompletion);
    }

    [Fact]
    public async Task An_error_inside_HTTP_200_spelt_messege_rejects_the_create_with_ModelsLabs_words()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError("Unable to fetch image from provided URL", misspeltMessageField: true));

        var rejected = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Unable to fetch image from provided URL", rejected.VendorMessage);
        Assert.Contains("Unable to fetch image from provided URL", rejected.Message);
        Assert.Equal(EmulatorProviders.ModelsLab, rejected.ProviderName);
        Assert.False(rejected.IsTransient);
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.ModelsLab, EmulatorOperation.Create));
    }

    [Fact]
    public async Task A_refused_key_in_HTTP_200_is_an_authentication_error_on_create_and_on_fetch()
    {
        await using var bed = await StartAsync(o =>
        {
            o.ApiKey = "not-the-emulator-key";
            o.MaxRetryAttempts = 0;
        });
        var wrongKey = bed.Client;

        var onCreate = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => wrongKey.SubmitAsync(bed.Request()));
        var onFetch = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => wrongKey.GetTaskAsync("155000001"));

        Assert.Equal("Invalid Api Key", onCreate.VendorMessage);
        Assert.Equal("Invalid Api Key", onFetch.VendorMessage);
        Assert.Equal("155000001", onFetch.TaskId);
    }

    [Fact]
    public async Task Credit_wording_in_HTTP_200_and_HTTP_402_are_insufficient_credits()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError("Your wallet balance is too low for this request"));
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());

        var inOk = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(bed.Request()));
        var in402 = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(HttpStatusCode.OK, inOk.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, in402.StatusCode);
        Assert.Contains("top up", in402.VendorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_queue_is_rate_limited_with_retry_after_from_the_body()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(7)));

        var limited = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("queue is full", limited.VendorMessage, StringComparison.Ordinal);
        Assert.True(limited.IsTransient);
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Fact]
    public async Task Mode_and_callback_are_accepted_and_a_prompt_is_required()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();

        var honoured = await client.ValidateAsync(bed.Request() with { Mode = GenerationMode.Standard, CallbackUrl = new Uri("https://example.com/hook") });
        var noPrompt = await client.ValidateAsync(bed.Request() with { Prompt = null });

        Assert.Empty(honoured.Errors);
        Assert.Equal(MotionControlRules.PromptRequired, Assert.Single(noPrompt.Errors).Code);
    }

    [Fact]
    public async Task Capabilities_describe_ModelsLab()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<ModelsLabClient>();
        var caps = client.Capabilities;

        Assert.Equal(MotionControlProviders.ModelsLab, client.ProviderName);
        Assert.Equal("kling-motion-control", caps.DefaultModel);
        Assert.Equal(["kling-motion-control", "kling-v3-motion-control"], caps.Models);
        Assert.Equal(MotionControl.Media.MediaTransport.Url, caps.ImageTransports);
        Assert.Equal(MotionControl.Media.MediaTransport.Url, caps.VideoTransports);
        Assert.True(caps.RequiresPrompt);
        Assert.True(caps.SupportsMode);
        Assert.True(caps.SupportsCallback);
        Assert.False(caps.SupportsExternalTaskId || caps.SupportsKeepOriginalSound || caps.SupportsElements || caps.SupportsWatermark || caps.SupportsList || caps.ReportsProgress);
        Assert.Equal(new Uri("https://modelslab.com"), new ModelsLabOptions().BaseAddress);
    }
}
