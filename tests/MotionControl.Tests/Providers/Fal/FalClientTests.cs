using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Providers.Fal;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Fal;

/// <summary>fal through the neutral client and its typed API, over real HTTP against the emulator.</summary>
public sealed class FalClientTests
{
    private const string Image = "https://example.com/character.png";
    private const string Video = "https://example.com/dance.mp4";

    public static TheoryData<string?, GenerationMode?, string> ModelsAndTiers => new()
    {
        { null, null, FalModels.KlingV26Standard },
        { FalClient.DefaultModel, GenerationMode.Standard, FalModels.KlingV26Standard },
        { FalClient.DefaultModel, GenerationMode.Pro, FalModels.KlingV26Pro },
        { FalClient.KlingV3Model, GenerationMode.Standard, FalModels.KlingV3Standard },
        { FalClient.KlingV3Model, GenerationMode.Pro, FalModels.KlingV3Pro },
        { "kling-3.0", GenerationMode.Pro, FalModels.KlingV3Pro },
    };

    private static Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.StartAsync(MotionControlProviders.Fal, configure);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static MotionControlRequest Remote(Func<MotionControlRequest, MotionControlRequest>? change = null) =>
        VendorTestBed.DefaultRequest(MotionControlProviders.Fal, change);

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> px: signature, IHDR and IEND (all the probe reads).</summary>
    internal static byte[] Png(int width, int height)
    {
        var png = new byte[8 + 25 + 12];
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        png[25] = 6;
        "IEND"u8.CopyTo(png.AsSpan(8 + 25 + 4));
        return png;
    }

    [Theory]
    [MemberData(nameof(ModelsAndTiers))]
    public async Task A_full_job_goes_to_the_model_and_tier_endpoint_with_the_exact_body_shows_its_queue_position_and_downloads(string? model, GenerationMode? mode, string endpoint)
    {
        await using var bed = await StartAsync();

        // Another request of the account waits ahead of ours, so ours is shown at queue position 1 while it waits.
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(TimeSpan.FromMinutes(10)).Succeeds());
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(2).Processing(2).Succeeds());
        await bed.Api<IFalApi>().SubmitAsync(FalModels.KlingV26Standard, new FalMotionControlInput { ImageUrl = Image, VideoUrl = Video, CharacterOrientation = "video" });
        var request = Remote(r => r with { Model = model, Mode = mode, KeepOriginalSound = false, Prompt = "a dancer on a rooftop" });

        var submitted = await bed.Client.SubmitAsync(request);
        var seen = new List<MotionControlTask>();
        await foreach (var task in bed.Client.WatchAsync(submitted.Id))
        {
            seen.Add(task);
        }

        using var video = new MemoryStream();
        await bed.Client.DownloadVideoAsync(seen[^1], video);

        var creates = bed.Calls(EmulatorOperation.Create);
        Assert.Equal(2, creates.Count);
        var create = creates[1];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/" + endpoint, create.Path);
        Assert.Equal(string.Empty, create.Query);
        Assert.Equal("Key " + bed.Emulator.Credentials.FalApiKey, create.Headers["Authorization"]);
        Assert.Equal(
            """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video","keep_original_sound":false,"prompt":"a dancer on a rooftop"}""",
            create.Body);

        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal("IN_QUEUE", submitted.VendorStatus);
        Assert.Equal(1, submitted.QueuePosition);
        Assert.Contains(seen, t => t.Status == MotionControlTaskStatus.Queued && t.QueuePosition == 1);
        Assert.Contains(seen, t => t.Status == MotionControlTaskStatus.Processing && t.VendorStatus == "IN_PROGRESS" && t.QueuePosition is null);
        var done = seen[^1];
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("COMPLETED", done.VendorStatus);
        Assert.Null(done.Charge);
        Assert.Equal("video/mp4", done.Raw!.Value.GetProperty("video").GetProperty("content_type").GetString());
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), video.ToArray());

        // Status and result go to the app id, never the model's sub-path.
        var reads = bed.Calls(EmulatorOperation.Get);
        Assert.All(reads, r => Assert.StartsWith($"/fal-ai/kling-video/requests/{submitted.Id}", r.Path, StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Path == $"/fal-ai/kling-video/requests/{submitted.Id}/status");
        Assert.Single(reads, r => r.Path == $"/fal-ai/kling-video/requests/{submitted.Id}");
    }

    [Fact]
    public async Task The_task_id_alone_reads_the_task_from_a_new_client()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Processing(1).Succeeds());
        var submitted = await bed.Client.SubmitAsync(Remote());
        using var later = bed.NewClient();

        var done = await later.WaitForCompletionAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(submitted.Id, done.Id);
        Assert.EndsWith($"/fal-ai/kling-video/requests/{submitted.Id}/status", submitted.Raw!.Value.GetProperty("status_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v3_element_from_images_is_sent_as_elements_with_its_urls()
    {
        await using var bed = await StartAsync();
        var element = MotionControlElement.FromImages(
            MediaSource.FromUri(new Uri("https://example.com/face.png")),
            MediaSource.FromUri(new Uri("https://example.com/left.png")),
            MediaSource.FromUri(new Uri("https://example.com/right.png")));

        var task = await bed.Client.GenerateAsync(Remote(r => r with { Model = FalClient.KlingV3Model, Element = element, Prompt = "@Element1 dances" }));

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("/" + FalModels.KlingV3Standard, create.Path);
        Assert.Equal(
            """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video","prompt":"@Element1 dances","elements":[{"frontal_image_url":"https://example.com/face.png","reference_image_urls":["https://example.com/left.png","https://example.com/right.png"]}]}""",
            create.Body);
    }

    [Fact]
    public async Task Local_files_go_to_fal_storage_and_the_upload_itself_never_carries_the_key()
    {
        await using var bed = await StartAsync();
        var image = await File.ReadAllBytesAsync(Fixture("image.png"));
        var video = await File.ReadAllBytesAsync(Fixture("moov_first.mp4"));
        var face = Png(512, 512);

        var task = await bed.Client.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(Fixture("image.png")),
            Video = MediaSource.FromBytes(video, "dance.mp4"),
            Model = FalClient.KlingV3Model,
            Element = MotionControlElement.FromImages(MediaSource.FromBytes(face, "face.png")),
        });

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var uploads = bed.Calls(EmulatorOperation.Upload);
        var initiations = uploads.Where(r => r.Method == "POST").ToList();
        var puts = uploads.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, initiations.Count);
        Assert.Equal(3, puts.Count);
        Assert.All(initiations, r =>
        {
            Assert.Equal("/storage/upload/initiate", r.Path);
            Assert.Equal("?storage_type=fal-cdn-v3", r.Query);
            Assert.Equal("Key " + bed.Emulator.Credentials.FalApiKey, r.Headers["Authorization"]);
        });
        Assert.Contains(initiations, r => r.Body == """{"content_type":"image/png","file_name":"image.png"}""");
        Assert.Contains(initiations, r => r.Body == """{"content_type":"video/mp4","file_name":"dance.mp4"}""");
        Assert.All(puts, r => Assert.False(r.Headers.ContainsKey("Authorization")));

        // The create carries the storage URLs, and each serves the exact bytes of its file.
        using var body = JsonDocument.Parse(Assert.Single(bed.Calls(EmulatorOperation.Create)).Body);
        using var http = new HttpClient();
        Assert.Equal(image, await http.GetByteArrayAsync(new Uri(body.RootElement.GetProperty("image_url").GetString()!)));
        Assert.Equal(video, await http.GetByteArrayAsync(new Uri(body.RootElement.GetProperty("video_url").GetString()!)));
        var frontal = body.RootElement.GetProperty("elements")[0].GetProperty("frontal_image_url").GetString()!;
        Assert.Equal(face, await http.GetByteArrayAsync(new Uri(frontal)));
        Assert.StartsWith(bed.Emulator.FalBaseAddress.AbsoluteUri + "fal-storage/files/", frontal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_above_90_MiB_goes_to_fal_storage_in_10_MiB_parts_then_a_completion()
    {
        await using var bed = await StartAsync();

        // The fixture with a 'free' box after it: a valid MP4 of 95 MiB (the probe steps over the box).
        var fixture = await File.ReadAllBytesAsync(Fixture("moov_first.mp4"));
        var video = new byte[95 * 1024 * 1024];
        fixture.CopyTo(video, 0);
        BinaryPrimitives.WriteUInt32BigEndian(video.AsSpan(fixture.Length), (uint)(video.Length - fixture.Length));
        "free"u8.CopyTo(video.AsSpan(fixture.Length + 4));
        video[^1] = 0x5A;

        await bed.Client.SubmitAsync(Remote(r => r with { Video = MediaSource.FromBytes(video, "long.mp4") }));

        var uploads = bed.Calls(EmulatorOperation.Upload);
        var initiation = Assert.Single(uploads, r => r.Path.StartsWith("/storage/", StringComparison.Ordinal));
        Assert.Equal("/storage/upload/initiate-multipart", initiation.Path);
        Assert.Equal("?storage_type=fal-cdn-v3", initiation.Query);
        var parts = uploads.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(10, parts.Count);
        Assert.Equal("(10485760 bytes)", parts[0].Body);
        Assert.Equal($"({video.Length - (9 * 10485760)} bytes)", parts[9].Body);
        var complete = Assert.Single(uploads, r => r.Path.EndsWith("/complete", StringComparison.Ordinal));
        Assert.StartsWith("""{"parts":[{"partNumber":1,"etag":""", complete.Body, StringComparison.Ordinal);
        Assert.All(uploads.Where(r => r != initiation), r => Assert.False(r.Headers.ContainsKey("Authorization")));
        using var body = JsonDocument.Parse(Assert.Single(bed.Calls(EmulatorOperation.Create)).Body);
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(new Uri(body.RootElement.GetProperty("video_url").GetString()!));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(video), System.Security.Cryptography.SHA256.HashData(served));
    }

    [Fact]
    public async Task A_callers_uploader_is_used_instead_of_fal_storage()
    {
        var uploader = new RecordingUploader(new Uri("https://cdn.example.com/mine.mp4"));
        await using var bed = await StartAsync(o => o.MediaUploader = uploader);

        await bed.Client.SubmitAsync(Remote(r => r with { Video = MediaSource.FromFile(Fixture("moov_first.mp4")) }));

        Assert.Equal(["Video"], uploader.Fields);
        Assert.Empty(bed.Calls(EmulatorOperation.Upload));
        using var body = JsonDocument.Parse(Assert.Single(bed.Calls(EmulatorOperation.Create)).Body);
        Assert.Equal("https://cdn.example.com/mine.mp4", body.RootElement.GetProperty("video_url").GetString());
    }

    [Fact]
    public async Task A_callback_url_is_the_fal_webhook_query_and_leaves_the_body_alone()
    {
        await using var bed = await StartAsync();

        await bed.Client.SubmitAsync(Remote(r => r with { CallbackUrl = new Uri("https://hooks.example.com/fal?job=1") }));

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("?fal_webhook=" + Uri.EscapeDataString("https://hooks.example.com/fal?job=1"), create.Query);
        Assert.Equal("""{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video"}""", create.Body);
    }

    [Fact]
    public async Task Canceling_a_request_before_it_starts_ends_it_Canceled_and_a_later_wait_ends_Canceled()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(TimeSpan.FromMinutes(10)).Succeeds());
        var submitted = await bed.Client.SubmitAsync(Remote());

        var canceled = await bed.Client.CancelAsync(submitted.Id);
        var waited = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.True(bed.Client.Capabilities.SupportsCancel);
        Assert.Equal(MotionControlTaskStatus.Canceled, canceled.Status);
        // fal accepted (202 CANCELLATION_REQUESTED); the read after it shows the request as fal does then: COMPLETED, cancelled.
        Assert.Equal("COMPLETED", canceled.VendorStatus);
        Assert.Contains("cancel", canceled.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Null(canceled.QueuePosition);
        Assert.True(canceled.IsTerminal);
        var put = Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/fal-ai/kling-video/requests/{submitted.Id}/cancel", put.Path);
        Assert.Equal(MotionControlTaskStatus.Canceled, waited.Task.Status);
        Assert.Equal(EmulatedTaskStatus.Canceled, bed.Emulator.FindTask(EmulatorProviders.Fal, submitted.Id)!.Status);
    }

    [Fact]
    public async Task Canceling_a_request_that_started_returns_it_running_without_an_exception()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(Remote());

        var after = await bed.Client.CancelAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Processing, after.Status);
        Assert.Equal("IN_PROGRESS", after.VendorStatus);
        Assert.False(after.IsTerminal);
        Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal(EmulatedTaskStatus.Processing, bed.Emulator.FindTask(EmulatorProviders.Fal, submitted.Id)!.Status);
        var refused = await bed.Api<IFalApi>().CancelAsync(submitted.Id);
        Assert.Equal(FalCancelResponse.AlreadyCompleted, refused.Status);
    }

    [Fact]
    public async Task Canceling_a_request_that_ended_returns_it_as_it_ended()
    {
        await using var bed = await StartAsync();
        var done = await bed.Client.GenerateAsync(Remote());

        var after = await bed.Client.CancelAsync(done.Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, after.Status);
        Assert.Equal(done.Videos.Single().Url, after.Videos.Single().Url);
    }

    [Fact]
    public async Task A_wait_over_a_request_canceled_elsewhere_ends_Canceled()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(TimeSpan.FromMinutes(10)).Succeeds());
        var submitted = await bed.Client.SubmitAsync(Remote());
        using var other = bed.NewClient();
        var seen = new TaskCompletionSource();
        var wait = bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Progress = new Progress<MotionControlTask>(_ => seen.TrySetResult()) });

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var answer = await ((FalClient)other).Api.CancelAsync(submitted.Id);
        var ended = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => wait);

        Assert.Equal(FalCancelResponse.CancellationRequested, answer.Status);
        Assert.Equal(MotionControlTaskStatus.Canceled, ended.Task.Status);
        Assert.Equal("COMPLETED", ended.Task.VendorStatus);
        Assert.Contains("cancel", ended.Task.FailureReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Canceling_an_unknown_request_is_task_not_found()
    {
        await using var bed = await StartAsync();

        var missing = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => bed.Client.CancelAsync("00000000-0000-0000-0000-000000000001"));

        Assert.Equal("00000000-0000-0000-0000-000000000001", missing.TaskId);
    }

    [Fact]
    public async Task The_balance_is_the_billing_credits_in_USD_and_drops_per_succeeded_job()
    {
        await using var bed = await StartAsync();

        var before = await bed.Client.GetBalanceAsync();
        await bed.Client.GenerateAsync(Remote());
        var after = await bed.Client.GetBalanceAsync();

        Assert.True(bed.Client.Capabilities.SupportsBalance);
        Assert.Equal(50m, before.Amount);
        Assert.Equal("USD", before.Unit);
        Assert.Equal("credits.current_balance", before.Source);
        Assert.Equal(49.65m, after.Amount);
        var read = bed.Calls(EmulatorOperation.Balance)[0];
        Assert.Equal("GET", read.Method);
        Assert.Equal("/v1/account/billing", read.Path);
        Assert.Equal("?expand=credits", read.Query);
        Assert.Equal("Key " + bed.Emulator.Credentials.FalApiKey, read.Headers["Authorization"]);
        var billing = await bed.Api<IFalApi>().GetBillingAsync();
        Assert.Equal(EmulatorCredentials.DefaultAccountName, billing.Username);
    }

    [Fact]
    public async Task A_lost_create_reply_is_an_unknown_outcome_and_is_never_sent_again()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(EmulatorProviders.Fal, EmulatorOperation.Create, EmulatorFault.Abort(processRequest: true));

        var unknown = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => bed.Client.SubmitAsync(Remote()));

        Assert.False(bed.Client.Capabilities.SupportsExternalTaskId);
        Assert.Equal(MotionControlProviders.Fal, unknown.ProviderName);
        Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(EmulatorProviders.Fal));
    }

    [Fact]
    public async Task A_locked_account_with_an_exhausted_balance_is_insufficient_credits()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(EmulatorProviders.Fal, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());

        var error = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => bed.Client.SubmitAsync(Remote()));

        Assert.Contains("Exhausted balance", error.VendorMessage, StringComparison.Ordinal);
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.Fal));
    }

    [Fact]
    public async Task A_content_policy_failure_ends_the_wait_Failed_with_fals_words()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Processing(1).FailsWithContentPolicyViolation("The image was flagged by the content checker"));
        var submitted = await bed.Client.SubmitAsync(Remote());

        var failed = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(MotionControlTaskStatus.Failed, failed.Task.Status);
        Assert.Equal("The image was flagged by the content checker", failed.Task.FailureReason);
        Assert.Equal("content_policy_violation", failed.Task.Raw!.Value.GetProperty("detail")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_model_fal_does_not_sell_is_refused_and_nothing_is_sent()
    {
        await using var bed = await StartAsync();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => bed.Client.SubmitAsync(Remote(r => r with { Model = "kling-v1-6" })));

        Assert.Contains("kling-v1-6", refused.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Calls(EmulatorOperation.Create));
    }

    [Fact]
    public async Task Registered_with_AddFal_a_client_uploads_queues_and_reads_its_balance_on_all_three_hosts()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddMotionControl().AddFal(o =>
        {
            o.ApiKey = emulator.Credentials.FalApiKey;
            o.BaseAddress = emulator.FalBaseAddress;
            o.PlatformBaseAddress = emulator.FalBaseAddress;
            o.StorageBaseAddress = emulator.FalBaseAddress;
            o.WaitOptions = VendorTestBed.FastWait;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IMotionControlClient>(MotionControlProviders.Fal);

        var task = await client.GenerateAsync(Remote(r => r with { Video = MediaSource.FromFile(Fixture("moov_first.mp4")) }));
        var balance = await client.GetBalanceAsync();

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(49.65m, balance.Amount);
        Assert.Same(provider.GetRequiredService<FalClient>().Api, provider.GetRequiredService<IFalApi>());
        Assert.Equal(2, emulator.Requests.Count(r => r.Provider == EmulatorProviders.Fal && r.Operation == EmulatorOperation.Upload));
    }

    [Fact]
    public void The_capabilities_say_what_fal_supports()
    {
        using var client = new FalClient(new FalOptions { ApiKey = "k" });
        var caps = client.Capabilities;

        Assert.Equal(MotionControlProviders.Fal, client.ProviderName);
        Assert.Equal([FalClient.DefaultModel, FalClient.KlingV3Model], caps.Models);
        Assert.True(caps.SupportsMode);
        Assert.True(caps.SupportsCallback);
        Assert.True(caps.SupportsCancel);
        Assert.True(caps.SupportsBalance);
        Assert.True(caps.SupportsImageElements);
        Assert.False(caps.SupportsElementIds);
        Assert.False(caps.SupportsExternalTaskId);
        Assert.False(caps.SupportsList);
        Assert.False(caps.SupportsCostEstimate);
        Assert.False(caps.ForModel(FalClient.DefaultModel).SupportsElements);
        Assert.True(caps.ForModel(FalClient.KlingV3Model).SupportsElements);
        Assert.Equal(new Uri("https://queue.fal.run/"), FalOptions.DefaultBaseAddress);
        Assert.Equal(new Uri("https://api.fal.ai/"), FalOptions.DefaultPlatformBaseAddress);
        Assert.Equal("FalClient(https://queue.fal.run/)", client.ToString());
    }

    [Fact]
    public void A_platform_or_storage_address_that_is_not_http_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new FalClient(new FalOptions { ApiKey = "fal-secret-never-shown:xyz", PlatformBaseAddress = new Uri("ftp://example.com/"), StorageBaseAddress = new Uri("file:///tmp/") }));

        Assert.Contains("PlatformBaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("StorageBaseAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fal-secret-never-shown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_never_shows_in_the_error_or_the_logs()
    {
        const string Wrong = "fal-wrong-key-id:fal-wrong-key-secret-0001";
        await using var bed = await StartAsync(o => o.ApiKey = Wrong);

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => bed.Client.SubmitAsync(Remote()));
        var balance = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => bed.Client.GetBalanceAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        foreach (var text in new[] { error.ToString(), balance.ToString(), string.Join("\n", bed.Logs.GetSnapshot().Select(LogLines.Line)), bed.Client.ToString() })
        {
            Assert.DoesNotContain(Wrong, text, StringComparison.Ordinal);
            Assert.DoesNotContain("fal-wrong-key-secret", text, StringComparison.Ordinal);
        }
    }

    private sealed class RecordingUploader(Uri url) : MotionControl.Media.IMediaUploader
    {
        public List<string> Fields { get; } = [];

        public ValueTask<Uri> UploadAsync(MotionControl.Media.MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            Fields.Add(upload.Field);
            return ValueTask.FromResult(url);
        }
    }
}
