using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

public sealed class KlingSubmissionTests : KlingFamilySubmissionTests
{
    private protected override string Provider => EmulatorProviders.Kling;

    private protected override string ExpectedDefaultModel => "kling-v2-6";

    private protected override Task<KlingResponse<KlingTask>> ReadByExternalIdAsync(VendorTestBed bed, string externalTaskId) =>
        ((KlingClient)bed.Client).Api.GetMotionControlTaskByExternalIdAsync(externalTaskId);

    [Fact]
    public async Task Kling_offers_both_documented_models_and_lists_tasks()
    {
        await using var bed = await StartAsync();

        Assert.Equal(["kling-v2-6", "kling-v3"], bed.Client.Capabilities.Models);
        Assert.True(bed.Client.Capabilities.SupportsList);
    }

    [Fact]
    public async Task The_create_goes_to_the_legacy_v1_path()
    {
        await using var bed = await StartAsync();
        await bed.Client.SubmitAsync(bed.Request());

        Assert.Equal("/v1/videos/motion-control", Assert.Single(bed.Calls(EmulatorOperation.Create)).Path);
    }

    [Fact]
    public async Task Reading_an_unknown_external_id_is_task_not_found_with_kling_code_1201()
    {
        await using var bed = await StartAsync();
        var api = ((KlingClient)bed.Client).Api;

        var error = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => api.GetMotionControlTaskByExternalIdAsync("never-created"));

        Assert.Equal("1201", error.VendorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task The_typed_api_creates_a_task_with_a_raw_base64_image()
    {
        await using var bed = await StartAsync();
        var api = ((KlingClient)bed.Client).Api;
        var base64 = Convert.ToBase64String(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 });

        var reply = await api.CreateMotionControlTaskAsync(new KlingMotionControlRequest
        {
            ModelName = "kling-v3",
            ImageUrl = base64,
            VideoUrl = "https://example.com/dance.mp4",
            CharacterOrientation = "image",
            Mode = "pro",
            ElementList = [new KlingElement { ElementId = 829836802793406551 }],
        });

        Assert.Equal(0, reply.Code);
        Assert.Equal("submitted", reply.Data.TaskStatus);
        Assert.NotNull(reply.Data.TaskId);
        var body = bed.CreateBody();
        Assert.Equal(base64, body.GetProperty("image_url").GetString());
        Assert.Equal(829836802793406551, body.GetProperty("element_list")[0].GetProperty("element_id").GetInt64());
    }

    [Fact]
    public async Task The_typed_api_reads_a_finished_task_with_all_its_wire_fields()
    {
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds(videoDurationSeconds: 5));
        var submitted = await bed.Client.SubmitAsync(bed.Request(r => r with { Watermark = true, Mode = GenerationMode.Pro }));

        var reply = await ((KlingClient)bed.Client).Api.GetMotionControlTaskAsync(submitted.Id);

        var task = reply.Data;
        Assert.Equal("succeed", task.TaskStatus);
        Assert.Equal("5.0", Assert.Single(task.TaskResult!.Videos!).Duration);
        Assert.NotNull(task.TaskResult.Videos![0].WatermarkUrl);
        Assert.True(task.WatermarkInfo!.Enabled);
        Assert.False(string.IsNullOrEmpty(task.FinalUnitDeduction));
        Assert.True(task.CreatedAt > 1_600_000_000_000);
        Assert.True(task.UpdatedAt >= task.CreatedAt);
    }

    [Fact]
    public async Task Kling_task_ids_are_kept_as_strings()
    {
        await using var bed = await StartAsync();
        var task = await bed.Client.SubmitAsync(bed.Request());

        Assert.Matches("^[0-9]{18}$", task.Id);
        Assert.Equal(System.Text.Json.JsonValueKind.String, task.Raw!.Value.GetProperty("task_id").ValueKind);
    }
}
