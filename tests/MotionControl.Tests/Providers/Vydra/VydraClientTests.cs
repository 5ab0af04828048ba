using System.Net;
using System.Text.Json;
using MotionControl.Media;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.Vydra;

/// <summary>Vydra through the neutral client and its typed API, over real HTTP against the emulator.</summary>
public sealed class VydraClientTests
{
    /// <summary>A create through Vydra's typed API (also <see cref="VydraContract"/>'s).</summary>
    internal static VydraMotionControlRequest TypedRequest { get; } = new()
    {
        ImageUrl = "https://example.com/character.jpg",
        VideoUrl = "https://example.com/dance.mp4",
        Prompt = "dance",
        KeepOriginalSound = true,
    };

    private static Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.StartAsync(MotionControlProviders.Vydra, configure);

    [Fact]
    public async Task Submit_then_wait_succeeds_with_the_video_its_duration_and_rising_progress()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Queued(1).Processing(3).Succeeds(videoDurationSeconds: 15));
        var progress = new ProgressRecorder();

        var submitted = await client.SubmitAsync(bed.Request());
        var done = await client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Progress = progress });

        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal("pending", submitted.VendorStatus);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("completed", done.VendorStatus);
        var video = Assert.Single(done.Videos);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"files/videos/vydra/{submitted.Id}/0.mp4"), video.Url);
        Assert.Equal(TimeSpan.FromSeconds(15), video.Duration);
        Assert.Equal(100, done.Progress);
        Assert.NotNull(done.CreatedAt);
        Assert.NotNull(done.UpdatedAt);
        var seen = progress.Seen.Select(t => t.Progress ?? -1).ToList();
        Assert.Equal(seen.Order(), seen);
        Assert.Contains(seen, p => p is > 0 and < 100);
    }

    [Theory]
    [InlineData("""{"id":"j1","status":"failed","error":{"detail":"GPU out of memory"},"statusMessage":"Job failed"}""", "GPU out of memory")]
    [InlineData("""{"id":"j1","status":"error","error":{"message":"Model timeout"}}""", "Model timeout")]
    [InlineData("""{"id":"j1","status":"failed","statusMessage":"Reference video too long"}""", "Reference video too long")]
    [InlineData("""{"jobId":"j1","status":"failed","message":"Something broke"}""", "Something broke")]
    public async Task The_failure_reason_comes_from_error_then_statusMessage_then_message(string reply, string reason)
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RawResponse(200, reply));

        var failed = await client.GetTaskAsync("j1");

        Assert.Equal(MotionControlTaskStatus.Failed, failed.Status);
        Assert.Equal("j1", failed.Id);
        Assert.Equal(reason, failed.FailureReason);
    }

    [Theory]
    [InlineData("""{"id":"j2","status":"completed","videoUrl":"https://cdn.example.com/a.mp4"}""", "https://cdn.example.com/a.mp4")]
    [InlineData("""{"id":"j2","status":"completed","url":"https://cdn.example.com/b.mp4"}""", "https://cdn.example.com/b.mp4")]
    [InlineData("""{"id":"j2","status":"completed","output":{"url":"https://cdn.example.com/c.mp4"}}""", "https://cdn.example.com/c.mp4")]
    public async Task The_result_url_is_also_found_outside_output_videoUrl(string reply, string url)
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RawResponse(200, reply));

        var done = await client.GetTaskAsync("j2");

        Assert.Equal(new Uri(url), Assert.Single(done.Videos).Url);
    }

    [Fact]
    public async Task The_create_body_matches_the_contract_with_keep_original_sound_a_boolean()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();

        var submitted = await client.SubmitAsync(bed.Request() with { KeepOriginalSound = false, CharacterOrientation = CharacterOrientation.Image });

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("POST", create.Method);
        Assert.Equal("/api/v1/models/kling", create.Path);
        Assert.Equal("Bearer " + bed.Emulator.Credentials.VydraApiKey, create.Headers["Authorization"]);
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal("https://example.com/character.png", body.GetProperty("image_url").GetString());
        Assert.Equal("https://example.com/dance.mp4", body.GetProperty("video_url").GetString());
        Assert.Equal(VendorTestBed.DefaultPrompt, body.GetProperty("prompt").GetString());
        Assert.Equal("image", body.GetProperty("character_orientation").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("keep_original_sound").ValueKind);
        Assert.Equal(5, body.EnumerateObject().Count());

        // externalJobId is Vydra's upstream id, not an id of the caller's.
        Assert.StartsWith("fal-", submitted.Raw?.GetProperty("externalJobId").GetString(), StringComparison.Ordinal);
        Assert.Null(submitted.ExternalTaskId);
        Assert.Equal(submitted.Raw?.GetProperty("jobId").GetString(), submitted.Id);
    }

    [Fact]
    public async Task Orientation_is_always_sent_and_the_sound_flag_only_when_set()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();

        await client.SubmitAsync(bed.Request());

        var body = JsonDocument.Parse(Assert.Single(bed.Calls(EmulatorOperation.Create)).Body).RootElement;
        Assert.Equal("video", body.GetProperty("character_orientation").GetString());
        Assert.False(body.TryGetProperty("keep_original_sound", out _));
    }

    [Fact]
    public async Task Polling_is_a_GET_of_the_job()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        var submitted = await client.SubmitAsync(bed.Request());

        var polled = await client.GetTaskAsync(submitted.Id);

        var get = Assert.Single(bed.Calls(EmulatorOperation.Get));
        Assert.Equal("GET", get.Method);
        Assert.Equal($"/api/v1/jobs/{submitted.Id}", get.Path);
        Assert.Equal(submitted.Id, polled.Id);
        Assert.Equal(0, polled.Progress);
    }

    [Theory]
    [InlineData(401, "KEY_REVOKED", typeof(MotionControlAuthenticationException))]
    [InlineData(401, "KEY_EXPIRED", typeof(MotionControlAuthenticationException))]
    [InlineData(403, "INSUFFICIENT_SCOPE", typeof(MotionControlAuthenticationException))]
    [InlineData(402, "INSUFFICIENT_CREDITS", typeof(MotionControlInsufficientCreditsException))]
    [InlineData(400, "INVALID_INPUT", typeof(MotionControlRequestRejectedException))]
    [InlineData(400, "FILE_TOO_LARGE", typeof(MotionControlRequestRejectedException))]
    [InlineData(404, "MODEL_NOT_FOUND", typeof(MotionControlRequestRejectedException))]
    public async Task Each_error_code_maps_to_its_exception_with_the_code_and_message(int status, string code, Type expected)
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.VydraError(status, code, $"Vydra says {code}"));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(bed.Request()));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.VendorCode);
        Assert.Equal($"Vydra says {code}", error.VendorMessage);
        Assert.Equal(EmulatorProviders.Vydra, error.ProviderName);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_with_Vydras_code()
    {
        await using var bed = await StartAsync(o =>
        {
            o.ApiKey = "vydra_live_user_nobody_1234";
            o.MaxRetryAttempts = 0;
        });
        var client = bed.Api<VydraClient>();

        var denied = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.GetTaskAsync("any"));

        Assert.Equal("KEY_NOT_FOUND", denied.VendorCode);
        Assert.DoesNotContain("vydra_live_user_nobody_1234", denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_details_are_carried_with_the_message()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(
            EmulatorProviders.Vydra,
            EmulatorOperation.Create,
            EmulatorFault.RawResponse(400, """{"error":"prompt is required","code":"INVALID_INPUT","details":{"field":"prompt"}}"""));

        var rejected = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal("prompt is required (field: prompt)", rejected.VendorMessage);
    }

    [Fact]
    public async Task A_rate_limit_carries_retry_after_and_is_not_resent_on_create()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(30)));

        var limited = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal("RATE_LIMIT_EXCEEDED", limited.VendorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.True(limited.IsTransient);
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Create));
    }

    [Fact]
    public async Task The_Retry_After_header_is_used_when_the_body_has_no_retryAfter()
    {
        await using var bed = await StartAsync(o => o.MaxRetryAttempts = 0);
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RateLimited(TimeSpan.FromSeconds(12)));
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RawResponse(429, """{"error":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED"}"""));

        var fromBody = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.GetTaskAsync("job"));
        var withoutHint = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.GetTaskAsync("job"));

        Assert.Equal(TimeSpan.FromSeconds(12), fromBody.RetryAfter);
        Assert.Null(withoutHint.RetryAfter);
    }

    [Fact]
    public async Task A_server_error_on_create_is_an_unknown_outcome_never_resent()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.ServerError(500));

        var unknown = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.SubmitAsync(bed.Request()));

        var inner = Assert.IsType<MotionControlServerException>(unknown.InnerException);
        Assert.Equal("INTERNAL_ERROR", inner.VendorCode);
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Create));
    }

    [Fact]
    public async Task Processing_is_running_and_a_cancelled_job_is_canceled()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        var submitted = await client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.UnknownStatus("processing"));

        var processing = await client.GetTaskAsync(submitted.Id);
        var cancelled = await client.Api.CancelJobAsync(submitted.Id);
        var after = await client.GetTaskAsync(submitted.Id);
        var waited = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(MotionControlTaskStatus.Processing, processing.Status);
        Assert.Equal("cancelled", cancelled?.Status);
        Assert.Equal(MotionControlTaskStatus.Canceled, after.Status);
        Assert.True(after.IsTerminal);
        Assert.Equal(MotionControlTaskStatus.Canceled, waited.Task.Status);
        var cancel = Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal("DELETE", cancel.Method);
        Assert.Equal($"/api/v1/jobs/{submitted.Id}", cancel.Path);
    }

    [Fact]
    public async Task Cancelling_a_finished_job_is_rejected()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle());
        var submitted = await client.SubmitAsync(bed.Request());
        await client.GetTaskAsync(submitted.Id);

        var refused = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.Api.CancelJobAsync(submitted.Id));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("JOB_NOT_CANCELLABLE", refused.VendorCode);
    }

    [Fact]
    public async Task Listing_pages_with_limit_and_offset_until_the_last_page()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.SubmitAsync(bed.Request())).Id);
        }

        var listed = new List<MotionControlTask>();
        await foreach (var task in client.ListTasksAsync(new MotionControlListOptions { PageSize = 2 }))
        {
            listed.Add(task);
        }

        Assert.Equal(ids.AsEnumerable().Reverse(), listed.Select(t => t.Id));
        Assert.All(listed, t => Assert.Equal(t.Id, t.Raw?.GetProperty("id").GetString()));
        Assert.Equal(["?limit=2&offset=0", "?limit=2&offset=2"], bed.Calls(EmulatorOperation.List).Select(c => c.Query));
    }

    [Fact]
    public async Task Listing_filters_by_status_at_Vydra_and_stops_at_max_items()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle());
        var done = await client.SubmitAsync(bed.Request());
        await client.GetTaskAsync(done.Id);
        await client.SubmitAsync(bed.Request());
        await client.SubmitAsync(bed.Request());

        var succeeded = new List<MotionControlTask>();
        await foreach (var task in client.ListTasksAsync(new MotionControlListOptions { Status = MotionControlTaskStatus.Succeeded }))
        {
            succeeded.Add(task);
        }

        var first = new List<MotionControlTask>();
        await foreach (var task in client.ListTasksAsync(new MotionControlListOptions { MaxItems = 1 }))
        {
            first.Add(task);
        }

        Assert.Equal(done.Id, Assert.Single(succeeded).Id);
        Assert.Single(first);
        Assert.Equal(["?limit=20&offset=0&status=completed", "?limit=20&offset=0"], bed.Calls(EmulatorOperation.List).Select(c => c.Query));
    }

    [Fact]
    public async Task The_typed_api_lists_jobs_by_status_and_checks_the_page_size()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();

        var created = await client.Api.CreateMotionControlJobAsync(TypedRequest);
        var page = await client.Api.ListJobsAsync(limit: 1, offset: 0, status: "pending");

        Assert.Equal(created.JobId, Assert.Single(page.Data).Id);
        Assert.Equal(1, page.Total);
        Assert.Equal("?limit=1&offset=0&status=pending", Assert.Single(bed.Calls(EmulatorOperation.List)).Query);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Api.ListJobsAsync(limit: 101));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Api.ListJobsAsync(limit: 0));
    }

    [Fact]
    public async Task A_prompt_is_required_and_the_sound_flag_is_accepted()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();

        var noPrompt = await client.ValidateAsync(bed.Request() with { Prompt = "  " });
        var sound = await client.ValidateAsync(bed.Request() with { KeepOriginalSound = true });

        Assert.Equal(MotionControlRules.PromptRequired, Assert.Single(noPrompt.Errors).Code);
        Assert.Empty(sound.Errors);
    }

    [Fact]
    public async Task Capabilities_describe_Vydra_and_the_default_host_is_www()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<VydraClient>();
        var caps = client.Capabilities;

        Assert.Equal(MotionControlProviders.Vydra, client.ProviderName);
        Assert.Equal(MediaTransport.Url, caps.ImageTransports);
        Assert.Equal(MediaTransport.Url, caps.VideoTransports);
        Assert.True(caps.RequiresPrompt && caps.SupportsKeepOriginalSound && caps.SupportsList && caps.ReportsProgress);
        Assert.Equal(CharacterOrientation.Video, caps.VendorDefaultOrientation);
        Assert.False(caps.SupportsMode || caps.SupportsElements || caps.SupportsWatermark || caps.SupportsCallback || caps.SupportsExternalTaskId);
        Assert.Equal(new Uri("https://www.vydra.ai"), new VydraOptions().BaseAddress);
    }

    [Fact]
    public void A_configured_model_is_refused_at_construction_because_the_route_fixes_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new VydraClient(new VydraOptions { ApiKey = "vydra_live_x", Model = "kling-v3" }));

        Assert.Contains("Model is not supported", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("vydra_live_x", error.Message, StringComparison.Ordinal);
    }
}
