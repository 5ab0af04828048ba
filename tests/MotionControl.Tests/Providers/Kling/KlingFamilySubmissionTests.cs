using System.Text.Json;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>
/// Submit → get → terminal, and the create body field by field, against the emulator over real HTTP. Runs once for
/// Kling (<see cref="KlingSubmissionTests"/>) and once for PowerTokens, which forwards the same body. What all five
/// vendors share (failures, unknown status words, read retries, lost create replies, unknown ids, additional properties,
/// the typed API round trip, redaction) is <see cref="VendorContractTests"/>; this suite holds what only Kling's wire
/// contract has, such as a lost create reply recovered by the caller's own external id.
/// </summary>
public abstract class KlingFamilySubmissionTests
{
    private protected abstract string Provider { get; }

    private protected abstract string ExpectedDefaultModel { get; }

    private protected Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.StartAsync(Provider, configure);

    [Fact]
    public async Task A_submitted_task_is_queued_then_polled_to_success_with_its_video()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(Provider, new TaskLifecycle().Queued(1).Processing(2).Succeeds(videoCount: 1, videoDurationSeconds: 7.5));

        var submitted = await bed.Client.SubmitAsync(bed.Request());
        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal("submitted", submitted.VendorStatus);
        Assert.Equal(Provider, submitted.ProviderName);
        Assert.NotNull(submitted.CreatedAt);
        var emulated = bed.Emulator.FindTask(Provider, submitted.Id);
        Assert.NotNull(emulated);
        Assert.Equal(emulated.ExternalTaskId, submitted.ExternalTaskId);

        var first = await bed.Client.GetTaskAsync(submitted.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, first.Status);

        var done = await bed.Client.WaitForCompletionAsync(submitted.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("succeed", done.VendorStatus);
        Assert.Null(done.FailureReason);
        var video = Assert.Single(done.Videos);
        Assert.Equal(TimeSpan.FromSeconds(7.5), video.Duration);
        Assert.NotNull(video.Id);
        Assert.StartsWith(bed.Emulator.BaseAddress.AbsoluteUri, video.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(video.WatermarkUrl);
        // Kling's timestamps are Unix milliseconds.
        Assert.Equal(emulated.CreatedAt.ToUnixTimeMilliseconds(), done.CreatedAt!.Value.ToUnixTimeMilliseconds());
        Assert.NotNull(done.UpdatedAt);
        Assert.Equal(submitted.Id, done.Raw!.Value.GetProperty("task_id").GetString());
        Assert.Equal(submitted.ExternalTaskId, done.ExternalTaskId);
    }

    [Fact]
    public async Task A_content_policy_failure_carries_the_vendors_reason()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(Provider, new TaskLifecycle().FailsWithContentPolicyViolation());

        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var failure = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(TaskOutcome.DefaultContentPolicyMessage, failure.Task.FailureReason);
    }

    [Fact]
    public async Task The_minimal_body_carries_exactly_the_required_fields_and_a_generated_external_id()
    {
        await using var bed = await StartAsync();

        var task = await bed.Client.SubmitAsync(bed.Request());

        var body = bed.CreateBody();
        Assert.Equal(
            ["character_orientation", "external_task_id", "image_url", "mode", "model_name", "video_url"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ExpectedDefaultModel, body.GetProperty("model_name").GetString());
        Assert.Equal("https://example.com/character.png", body.GetProperty("image_url").GetString());
        Assert.Equal("https://example.com/dance.mp4", body.GetProperty("video_url").GetString());
        Assert.Equal("video", body.GetProperty("character_orientation").GetString());
        Assert.Equal("std", body.GetProperty("mode").GetString());
        var externalId = body.GetProperty("external_task_id").GetString();
        Assert.StartsWith("mc-", externalId, StringComparison.Ordinal);
        Assert.Equal(externalId, task.ExternalTaskId);
    }

    [Fact]
    public async Task The_create_is_sent_as_utf8_json()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request());

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("POST", create.Method);
        Assert.StartsWith("application/json", create.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prompt_is_sent_as_given()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { Prompt = "A dancer in the rain, \"slow\" moves — ünïcödé" }));

        Assert.Equal("A dancer in the rain, \"slow\" moves — ünïcödé", bed.CreateBody().GetProperty("prompt").GetString());
    }

    [Theory]
    [InlineData(GenerationMode.Standard, "std")]
    [InlineData(GenerationMode.Pro, "pro")]
    public async Task The_mode_is_sent_as_kling_spells_it(GenerationMode mode, string expected)
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { Mode = mode }));

        Assert.Equal(expected, bed.CreateBody().GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public async Task Keep_original_sound_is_the_string_yes_or_no_never_a_boolean(bool keep, string expected)
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { KeepOriginalSound = keep }));

        var sound = bed.CreateBody().GetProperty("keep_original_sound");
        Assert.Equal(JsonValueKind.String, sound.ValueKind);
        Assert.Equal(expected, sound.GetString());
    }

    [Fact]
    public async Task The_image_orientation_is_sent_as_image()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { CharacterOrientation = CharacterOrientation.Image }));

        Assert.Equal("image", bed.CreateBody().GetProperty("character_orientation").GetString());
    }

    [Fact]
    public async Task An_element_id_above_2_pow_53_is_sent_as_an_exact_integer()
    {
        const long ElementId = 829836802793406551;
        await using var bed = await StartAsync();
        // Elements need kling-v3 (PowerTokens' only model; on Kling, kling-v2-6 takes none: element.model).
        await bed.Client.SubmitAsync(bed.Request(r => r with { ElementId = ElementId, Model = "kling-v3" }));

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Contains("\"element_list\":[{\"element_id\":829836802793406551}]", create.Body, StringComparison.Ordinal);
        var element = Assert.Single(bed.CreateBody().GetProperty("element_list").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, element.GetProperty("element_id").ValueKind);
        Assert.Equal(ElementId, element.GetProperty("element_id").GetInt64());
    }

    [Fact]
    public async Task A_watermark_request_is_sent_as_watermark_info_and_the_watermarked_copy_is_returned()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(Provider, new TaskLifecycle().Succeeds());

        var submitted = await bed.Client.SubmitAsync(bed.Request(r => r with { Watermark = true }));
        var done = await bed.Client.WaitForCompletionAsync(submitted.Id);

        var watermark = bed.CreateBody().GetProperty("watermark_info");
        Assert.Equal(JsonValueKind.True, watermark.GetProperty("enabled").ValueKind);
        Assert.Single(watermark.EnumerateObject());
        var video = Assert.Single(done.Videos);
        Assert.NotNull(video.WatermarkUrl);
        Assert.NotEqual(video.Url, video.WatermarkUrl);
    }

    [Fact]
    public async Task A_watermark_refusal_is_sent_as_enabled_false()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { Watermark = false }));

        Assert.Equal(JsonValueKind.False, bed.CreateBody().GetProperty("watermark_info").GetProperty("enabled").ValueKind);
    }

    [Fact]
    public async Task The_callback_url_is_sent_as_callback_url()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { CallbackUrl = new Uri("https://hooks.example.com/kling?job=42") }));

        Assert.Equal("https://hooks.example.com/kling?job=42", bed.CreateBody().GetProperty("callback_url").GetString());
    }

    [Fact]
    public async Task A_callers_external_task_id_is_sent_and_reported_back()
    {
        await using var bed = await StartAsync();
        var task = await bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "order-2026-0042" }));

        Assert.Equal("order-2026-0042", bed.CreateBody().GetProperty("external_task_id").GetString());
        Assert.Equal("order-2026-0042", task.ExternalTaskId);
        Assert.Equal("order-2026-0042", (await bed.Client.GetTaskAsync(task.Id)).ExternalTaskId);
    }

    [Fact]
    public async Task The_model_can_be_overridden_per_request_to_kling_v3()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request(r => r with { Model = "kling-v3" }));

        Assert.Equal("kling-v3", bed.CreateBody().GetProperty("model_name").GetString());
    }

    [Fact]
    public async Task The_model_can_be_set_for_the_whole_client()
    {
        await using var bed = await StartAsync(o => o.Model = "kling-v3");
        await bed.Client.SubmitAsync(bed.Request());

        Assert.Equal("kling-v3", bed.CreateBody().GetProperty("model_name").GetString());
    }

    [Fact]
    public async Task A_local_image_is_sent_as_raw_base64_without_a_data_prefix()
    {
        await using var bed = await StartAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "image.png");

        await bed.Client.SubmitAsync(bed.Request(r => r with { Image = MediaSource.FromFile(path) }));

        var image = bed.CreateBody().GetProperty("image_url").GetString();
        Assert.Equal(Convert.ToBase64String(await File.ReadAllBytesAsync(path)), image);
        Assert.DoesNotContain("data:", image, StringComparison.Ordinal);
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
    }

    [Fact]
    public async Task A_local_video_without_an_uploader_is_refused_before_anything_is_sent()
    {
        await using var bed = await StartAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "moov_first.mp4");

        var error = await Assert.ThrowsAsync<MotionControlValidationException>(() => bed.Client.SubmitAsync(bed.Request(r => r with { Video = MediaSource.FromFile(path) })));

        Assert.Contains(error.Errors, e => e.Code == "video.transport");
        Assert.Empty(bed.Emulator.Requests);
    }

    /// <summary>Needs the vendor to resolve <c>external_task_id</c> on the get path (PowerTokens does as Kling does [I]; the emulator follows that reading).</summary>
    [Fact]
    public async Task A_lost_create_reply_is_recovered_by_external_id_without_a_second_task()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(Provider, EmulatorOperation.Create, EmulatorFault.Abort());

        var task = await bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "lost-reply-1" }));

        Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
        Assert.Equal(1, bed.Emulator.CallCount(Provider, EmulatorOperation.Create));
        var emulated = Assert.Single(bed.Emulator.GetTasks(Provider));
        Assert.Equal(emulated.Id, task.Id);
        Assert.Equal("lost-reply-1", task.ExternalTaskId);
        Assert.Contains("\"external_task_id\":\"lost-reply-1\"", Assert.Single(bed.Calls(EmulatorOperation.Create)).Body, StringComparison.Ordinal);
        var done = await bed.Client.WaitForCompletionAsync(task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("lost-reply-1", done.ExternalTaskId);
    }

    [Fact]
    public async Task A_create_the_vendor_dropped_unprocessed_is_looked_up_then_sent_again_with_the_same_external_id()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(Provider, EmulatorOperation.Create, EmulatorFault.Abort(processRequest: false));

        var task = await bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "aborted-before-processing" }));

        Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
        Assert.Equal("aborted-before-processing", task.ExternalTaskId);
        var creates = bed.Calls(EmulatorOperation.Create);
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c => Assert.Contains("\"external_task_id\":\"aborted-before-processing\"", c.Body, StringComparison.Ordinal));
    }

    /// <summary>Needs the vendor to resolve <c>external_task_id</c> on the get path (PowerTokens does as Kling does [I]; the emulator follows that reading).</summary>
    [Fact]
    public async Task The_typed_api_reads_a_task_by_its_external_id()
    {
        await using var bed = await StartAsync();
        var submitted = await bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "by-external-1" }));

        var reply = await ReadByExternalIdAsync(bed, "by-external-1");

        Assert.Equal(0, reply.Code);
        Assert.Equal(submitted.Id, reply.Data.TaskId);
        Assert.Equal("by-external-1", reply.Data.TaskInfo?.ExternalTaskId);
        Assert.NotNull(reply.RequestId);
    }

    [Fact]
    public async Task Capabilities_declare_the_kling_contract()
    {
        await using var bed = await StartAsync();
        var capabilities = bed.Client.Capabilities;

        Assert.Equal(Provider, capabilities.ProviderName);
        Assert.Equal(ExpectedDefaultModel, capabilities.DefaultModel);
        Assert.Contains(ExpectedDefaultModel, capabilities.Models);
        Assert.Equal(MotionControl.Media.MediaTransport.Url | MotionControl.Media.MediaTransport.RawBase64, capabilities.ImageTransports);
        Assert.Equal(MotionControl.Media.MediaTransport.Url, capabilities.VideoTransports);
        Assert.True(capabilities.SupportsMode);
        Assert.True(capabilities.SupportsKeepOriginalSound);
        Assert.True(capabilities.SupportsElements);
        Assert.True(capabilities.SupportsWatermark);
        Assert.True(capabilities.SupportsCallback);
        Assert.True(capabilities.SupportsExternalTaskId);
        Assert.False(capabilities.ReportsProgress);
        Assert.Null(capabilities.VendorDefaultOrientation);
    }

    private protected abstract Task<MotionControl.Providers.Kling.KlingResponse<MotionControl.Providers.Kling.KlingTask>> ReadByExternalIdAsync(VendorTestBed bed, string externalTaskId);
}
