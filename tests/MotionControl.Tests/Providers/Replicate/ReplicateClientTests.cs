using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MotionControl.Media;
using MotionControl.Providers.Replicate;
using MotionControl.Testing;
using MotionControl.Tests.Media;

namespace MotionControl.Tests.Providers.Replicate;

/// <summary>Replicate through the neutral client and its typed API, over real HTTP against the emulator.</summary>
public sealed class ReplicateClientTests
{
    /// <summary>A create through Replicate's typed API (also <see cref="ReplicateContract"/>'s).</summary>
    internal static ReplicatePredictionRequest TypedRequest { get; } = new()
    {
        Input = new ReplicateMotionControlInput
        {
            Image = "https://example.com/character.png",
            Video = "https://example.com/dance.mp4",
            Mode = "pro",
            CharacterOrientation = "video",
        },
    };

    public static TheoryData<string?, GenerationMode?, string, string?> Jobs => new()
    {
        { null, null, "kling-v2.6-motion-control", null },
        { "kling-v2-6", GenerationMode.Standard, "kling-v2.6-motion-control", "std" },
        { "kling-v2-6", GenerationMode.Pro, "kling-v2.6-motion-control", "pro" },
        { "kling-v3", GenerationMode.Standard, "kling-v3-motion-control", "std" },
        { "kling-v3", GenerationMode.Pro, "kling-v3-motion-control", "pro" },
        { "kwaivgi/kling-v3-motion-control", GenerationMode.Pro, "kling-v3-motion-control", "pro" },
    };

    private static Task<VendorTestBed> StartAsync(Action<ReplicateOptions>? configure = null, TimeProvider? clock = null) =>
        VendorTestBed.StartAsync(MotionControlProviders.Replicate, o => configure?.Invoke((ReplicateOptions)o), clock);

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task A_full_job_submits_the_exact_body_watches_starting_processing_succeeded_and_downloads_the_video(string? model, GenerationMode? mode, string route, string? modeWire)
    {
        await using var bed = await StartAsync(o => o.CancelAfter = TimeSpan.FromMinutes(10));
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Queued(1).Processing(2).Succeeds());

        var submitted = await bed.Client.SubmitAsync(bed.Request(r => r with { Model = model, Mode = mode, Prompt = "a dancer", KeepOriginalSound = false }));
        var seen = new List<MotionControlTask>();
        await foreach (var task in bed.Client.WatchAsync(submitted.Id))
        {
            seen.Add(task);
        }

        var done = seen[^1];
        using var video = new MemoryStream();
        var bytes = await bed.Client.DownloadVideoAsync(done, video);

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("POST", create.Method);
        Assert.Equal($"/v1/models/kwaivgi/{route}/predictions", create.Path);
        Assert.Equal("10m", create.Headers["Cancel-After"]);
        Assert.Equal("Bearer " + bed.Emulator.Credentials.ReplicateApiKey, create.Headers["Authorization"]);
        var mapped = modeWire is null ? string.Empty : $""","mode":"{modeWire}" """.TrimEnd();
        var expected = """{"input":{"image":"https://example.com/character.png","video":"https://example.com/dance.mp4","prompt":"a dancer"MODE,"keep_original_sound":false,"character_orientation":"video"}}""";
        Assert.Equal(expected.Replace("MODE", mapped, StringComparison.Ordinal), create.Body);
        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal("starting", submitted.VendorStatus);
        Assert.Equal(["starting", "processing", "succeeded"], seen.Select(t => t.VendorStatus).Distinct());
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        var result = Assert.Single(done.Videos);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"files/videos/replicate/{submitted.Id}/0.mp4"), result.Url);
        Assert.Equal(done.UpdatedAt + TimeSpan.FromHours(1), result.ExpiresAt);
        Assert.Null(done.Charge);
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, bytes);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), video.ToArray());
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(EmulatorProviders.Replicate));
    }

    [Fact]
    public async Task Without_CancelAfter_no_deadline_header_is_sent_and_the_orientation_is_always_sent()
    {
        await using var bed = await StartAsync();

        await bed.Client.SubmitAsync(bed.Request());

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.False(create.Headers.ContainsKey("Cancel-After"));
        Assert.Equal("""{"input":{"image":"https://example.com/character.png","video":"https://example.com/dance.mp4","character_orientation":"video"}}""", create.Body);
    }

    [Theory]
    [InlineData(5, "5s")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(5445, "1h30m45s")]
    [InlineData(5.2, "6s")]
    [InlineData(90000, "25h")]
    public async Task CancelAfter_is_sent_in_Replicates_duration_format(double seconds, string header)
    {
        await using var bed = await StartAsync(o => o.CancelAfter = TimeSpan.FromSeconds(seconds));

        await bed.Client.SubmitAsync(bed.Request());

        Assert.Equal(header, Assert.Single(bed.Calls(EmulatorOperation.Create)).Headers["Cancel-After"]);
    }

    [Theory]
    [InlineData(4.999)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_CancelAfter_below_Replicates_5_s_minimum_is_refused_at_construction(double seconds)
    {
        var options = new ReplicateOptions { ApiKey = "r8_test", CancelAfter = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<ArgumentException>(() => new ReplicateClient(options));

        Assert.Contains("CancelAfter", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("r8_test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prediction_past_its_CancelAfter_deadline_ends_canceled_if_it_ran_and_aborted_if_it_never_started()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await StartAsync(o => o.CancelAfter = TimeSpan.FromSeconds(5), clock);
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().ProcessingForever());
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Queued(TimeSpan.FromHours(1)).Succeeds());
        var running = await bed.Client.SubmitAsync(bed.Request());
        var waiting = await bed.Client.SubmitAsync(bed.Request());
        Assert.Equal(MotionControlTaskStatus.Processing, (await bed.Client.GetTaskAsync(running.Id)).Status);

        clock.Advance(TimeSpan.FromSeconds(6));
        var canceled = await bed.Client.GetTaskAsync(running.Id);
        var aborted = await bed.Client.GetTaskAsync(waiting.Id);

        Assert.Equal(MotionControlTaskStatus.Canceled, canceled.Status);
        Assert.Equal("canceled", canceled.VendorStatus);
        Assert.Equal(MotionControlTaskStatus.Canceled, aborted.Status);
        Assert.Equal("aborted", aborted.VendorStatus);
        Assert.Contains("Cancel-After", aborted.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_url_becomes_the_webhook_with_the_completed_event_only()
    {
        await using var bed = await StartAsync();

        await bed.Client.SubmitAsync(bed.Request(r => r with { CallbackUrl = new Uri("https://hooks.example.com/replicate?job=7") }));

        var body = bed.CreateBody();
        Assert.Equal("https://hooks.example.com/replicate?job=7", body.GetProperty("webhook").GetString());
        Assert.Equal(["completed"], body.GetProperty("webhook_events_filter").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Cancel_posts_to_the_cancel_route_and_returns_the_prediction_canceled()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(bed.Request());

        var canceled = await bed.Client.CancelAsync(submitted.Id);
        var waited = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.True(bed.Client.Capabilities.SupportsCancel);
        Assert.Equal(MotionControlTaskStatus.Canceled, canceled.Status);
        Assert.Equal("canceled", canceled.VendorStatus);
        Assert.NotNull(canceled.Raw);
        Assert.Equal(MotionControlTaskStatus.Canceled, waited.Task.Status);
        var cancel = Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal("POST", cancel.Method);
        Assert.Equal($"/v1/predictions/{submitted.Id}/cancel", cancel.Path);
    }

    [Fact]
    public async Task A_wait_over_a_prediction_canceled_elsewhere_ends_Canceled()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        using var other = bed.NewClient();
        var seen = new TaskCompletionSource();
        var wait = bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Progress = new Progress<MotionControlTask>(_ => seen.TrySetResult()) });

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await ((ReplicateClient)other).Api.CancelPredictionAsync(submitted.Id);
        var ended = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => wait);

        Assert.Equal(MotionControlTaskStatus.Canceled, ended.Task.Status);
        Assert.Equal(submitted.Id, ended.Task.Id);
    }

    [Fact]
    public async Task Canceling_a_prediction_that_has_ended_returns_it_as_it_ended_without_an_exception()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle());
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var done = await bed.Client.WaitForCompletionAsync(submitted.Id);

        var after = await bed.Client.CancelAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, after.Status);
        Assert.Equal(done.Videos.Single().Url, after.Videos.Single().Url);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task A_cancel_refused_because_the_prediction_ended_reads_it_and_returns_it_as_it_ended(int status)
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Fails("no person found in the image"));
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Cancel, EmulatorFault.RawResponse(status, """{"title":"Prediction is not running","detail":"The prediction has already completed.","status":409}"""));

        var after = await bed.Client.CancelAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Failed, after.Status);
        Assert.Equal("no person found in the image", after.FailureReason);
        Assert.Single(bed.Calls(EmulatorOperation.Get));
    }

    [Fact]
    public async Task Canceling_an_unknown_prediction_is_task_not_found()
    {
        await using var bed = await StartAsync();

        var missing = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => bed.Client.CancelAsync("nosuchprediction0000000000"));

        Assert.Equal("nosuchprediction0000000000", missing.TaskId);
    }

    [Fact]
    public async Task A_small_local_image_goes_as_a_data_url_and_a_larger_local_video_through_Replicates_files_api_with_no_caller_storage()
    {
        await using var bed = await StartAsync();
        var image = MediaFixtures.Bytes("image.png");
        var video = MediaFixtures.Bytes("moov_last.mp4");

        // Past the 256 KB inline limit: the same MP4 with padding after its last box (a free box the probe skips).
        var padding = new byte[300 * 1024];
        var paddingBox = Mp4Boxes.Box("free", padding);
        byte[] large = [.. video, .. paddingBox];

        var task = await bed.Client.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromBytes(image, "character.png"),
            Video = MediaSource.FromBytes(large, "dance.mp4"),
        });

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var upload = Assert.Single(bed.Calls(EmulatorOperation.Upload));
        Assert.Equal("/v1/files", upload.Path);
        Assert.StartsWith("multipart/form-data", upload.Headers["Content-Type"], StringComparison.Ordinal);
        var input = bed.CreateBody().GetProperty("input");
        var imageValue = input.GetProperty("image").GetString()!;
        Assert.StartsWith("data:image/png;base64,", imageValue, StringComparison.Ordinal);
        Assert.Equal(image, Convert.FromBase64String(imageValue[(imageValue.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        var fileUrl = input.GetProperty("video").GetString()!;
        Assert.StartsWith(new Uri(bed.Emulator.BaseAddress, "v1/files/").AbsoluteUri, fileUrl, StringComparison.Ordinal);

        // The emulator serves what was uploaded, byte for byte.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", bed.Emulator.Credentials.ReplicateApiKey);
        Assert.Equal(large, await http.GetByteArrayAsync(new Uri(fileUrl + "/download")));
        using var info = JsonDocument.Parse(await http.GetStringAsync(new Uri(fileUrl)));
        Assert.Equal("dance.mp4", info.RootElement.GetProperty("name").GetString());
        Assert.Equal("video/mp4", info.RootElement.GetProperty("content_type").GetString());
        Assert.Equal(large.Length, info.RootElement.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_callers_own_uploader_is_used_instead_of_Replicates_files_api()
    {
        var uploader = new UrlUploader();
        await using var bed = await StartAsync(o => o.MediaUploader = uploader);
        byte[] large = [.. MediaFixtures.Bytes("moov_last.mp4"), .. Mp4Boxes.Box("free", new byte[300 * 1024])];

        await bed.Client.SubmitAsync(new MotionControlRequest { Image = MediaSource.FromUri("https://example.com/c.png"), Video = MediaSource.FromBytes(large, "dance.mp4") });

        Assert.Empty(bed.Calls(EmulatorOperation.Upload));
        Assert.Equal(["Video"], uploader.Fields);
        Assert.Equal("https://storage.example.com/dance.mp4", bed.CreateBody().GetProperty("input").GetProperty("video").GetString());
    }

    [Fact]
    public async Task The_typed_upload_sends_multipart_content_and_returns_the_files_url()
    {
        await using var bed = await StartAsync();
        using var content = new MemoryStream("hello"u8.ToArray());

        var file = await bed.Api<IReplicateApi>().UploadFileAsync(content, "hello.txt", "text/plain");

        Assert.Equal("hello.txt", file.Name);
        Assert.Equal("text/plain", file.ContentType);
        Assert.Equal(5, file.Size);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"v1/files/{file.Id}").AbsoluteUri, file.Urls?.Get);
        Assert.True(file.ExpiresAt > file.CreatedAt);
        Assert.True(content.CanRead, "the caller's stream is not disposed");
    }

    [Fact]
    public async Task An_array_output_is_read_as_several_videos_and_a_removed_output_leaves_none()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Get, EmulatorFault.RawResponse(200, """{"id":"p1","status":"succeeded","output":["https://replicate.delivery/a.mp4","https://replicate.delivery/b.mp4"]}"""));
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Get, EmulatorFault.RawResponse(200, """{"id":"p1","status":"succeeded","output":null,"data_removed":true}"""));

        var two = await bed.Client.GetTaskAsync("p1");
        var removed = await bed.Client.GetTaskAsync("p1");

        Assert.Equal(["https://replicate.delivery/a.mp4", "https://replicate.delivery/b.mp4"], two.Videos.Select(v => v.Url.AbsoluteUri));
        Assert.Equal(MotionControlTaskStatus.Succeeded, removed.Status);
        Assert.Empty(removed.Videos);
    }

    [Fact]
    public async Task A_succeeded_prediction_without_an_output_is_read_again_not_returned_empty()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Get, EmulatorFault.RawResponse(200, """{"id":"p2","status":"succeeded","output":null}"""));
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Get, EmulatorFault.RawResponse(200, """{"id":"p2","status":"succeeded","output":"https://replicate.delivery/c.mp4"}"""));

        var done = await bed.Client.GetTaskAsync("p2");

        Assert.Equal("https://replicate.delivery/c.mp4", Assert.Single(done.Videos).Url.AbsoluteUri);
        Assert.Equal(2, bed.Calls(EmulatorOperation.Get).Count);
    }

    [Theory]
    [InlineData(401, typeof(MotionControlAuthenticationException))]
    [InlineData(402, typeof(MotionControlInsufficientCreditsException))]
    [InlineData(422, typeof(MotionControlRequestRejectedException))]
    [InlineData(429, typeof(MotionControlRateLimitedException))]
    public async Task A_create_refusal_in_problem_details_is_the_typed_error_with_replicates_words_and_nothing_is_resent(int status, Type expected)
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Create, EmulatorFault.RawResponse(status, $$"""{"title":"Refused","detail":"Because of reason {{status}}","status":{{status}}}""", "application/problem+json"));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.SubmitAsync(bed.Request()));

        Assert.IsType(expected, error);
        Assert.Equal($"Refused: Because of reason {status}", error.VendorMessage);
        Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.Replicate));
    }

    [Fact]
    public void The_capabilities_say_what_Replicate_supports()
    {
        using var client = new ReplicateClient(new ReplicateOptions { ApiKey = "r8_test" });
        var caps = client.Capabilities;

        Assert.Equal(MotionControlProviders.Replicate, client.ProviderName);
        Assert.True(caps.SupportsCancel);
        Assert.False(caps.SupportsBalance);
        Assert.False(caps.SupportsExternalTaskId);
        Assert.False(caps.SupportsElements);
        Assert.True(caps.SupportsCallback);
        Assert.Equal(256 * 1024, caps.MaxInlineMediaBytes);
        Assert.Equal(CharacterOrientation.Image, caps.VendorDefaultOrientation);
        Assert.Equal(["kling-v2-6", "kling-v3"], caps.ModelProfiles.Select(p => p.Model));
        Assert.Equal(new Uri("https://api.replicate.com/"), ReplicateOptions.DefaultBaseAddress);
        Assert.Same(client.Api, client.GetService(typeof(IReplicateApi)));
    }

    [Fact]
    public async Task The_balance_is_not_supported_and_names_Replicate()
    {
        using var client = new ReplicateClient(new ReplicateOptions { ApiKey = "r8_test" });

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetBalanceAsync());

        Assert.Contains("Replicate", refused.Message, StringComparison.Ordinal);
    }

    private sealed class UrlUploader : IMediaUploader
    {
        public List<string> Fields { get; } = [];

        public ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            Fields.Add(upload.Field);
            return ValueTask.FromResult(new Uri("https://storage.example.com/" + upload.FileName));
        }
    }
}
