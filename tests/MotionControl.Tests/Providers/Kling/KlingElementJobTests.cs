using System.Globalization;
using System.Text.Json;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>
/// Kling's element management end to end through <see cref="KlingClient.Api"/> on the emulator: make an element,
/// bind it on a <c>kling-v3</c> motion-control job, delete it. The emulator checks the binding
/// (<see cref="MotionControlEmulatorOptions.RequireKnownElements"/>), so a job with an element it does not know fails.
/// </summary>
public sealed class KlingElementJobTests
{
    private static Task<MotionControlEmulator> StartAsync(bool requireKnownElements = true) =>
        MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RequireKnownElements = requireKnownElements });

    /// <summary>The AK/SK (JWT) client on the legacy contract.</summary>
    private static KlingClient V1(MotionControlEmulator emulator) => (KlingClient)VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator);

    /// <summary>The API-key client on API 2.0 (the element routes are the same on both).</summary>
    private static KlingClient V2(MotionControlEmulator emulator) =>
        (KlingClient)VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, options =>
        {
            var kling = (KlingOptions)options;
            kling.ApiVersion = KlingApiVersion.V2;
            kling.AccessKey = null;
            kling.SecretKey = null;
            kling.ApiKey = emulator.Credentials.KlingApiKey;
        });

    private static KlingElementCreateRequest FromImages(string? externalId = null) => new()
    {
        ElementName = "Dancer",
        ElementDescription = "A dancer in a red dress",
        ReferenceType = KlingElementCreateRequest.ImageRefer,
        ElementImageList = new KlingElementImageList
        {
            FrontalImage = "https://example.com/front.png",
            ReferImages = [new KlingElementReferImage { ImageUrl = "https://example.com/side.png" }, new KlingElementReferImage { ImageUrl = "https://example.com/back.png" }],
        },
        TagList = [new KlingElementTag { TagId = "o_102" }],
        ExternalTaskId = externalId,
    };

    private static KlingElementCreateRequest FromVideo() => new()
    {
        ElementName = "Singer",
        ElementDescription = "A singer from a video",
        ReferenceType = KlingElementCreateRequest.VideoRefer,
        ElementVideoList = new KlingElementVideoList { ReferVideos = [new KlingElementReferVideo { VideoUrl = "https://example.com/singer.mp4" }] },
    };

    private static MotionControlRequest Job(long elementId) => VendorTestBed.DefaultRequest(MotionControlProviders.Kling) with
    {
        Model = KlingClient.KlingV3Model,
        ElementId = elementId,
        CharacterOrientation = CharacterOrientation.Video,
    };

    /// <summary>Creates an element and polls it until it ends; returns the statuses seen and the last read.</summary>
    private static async Task<(List<string?> Statuses, KlingElementTask Task)> MakeAsync(IKlingApi api, KlingElementCreateRequest request)
    {
        var created = await api.CreateElementAsync(request);
        var statuses = new List<string?> { created.Data.TaskStatus };
        KlingElementTask task;
        do
        {
            task = (await api.GetElementAsync(created.Data.TaskId!)).Data;
            statuses.Add(task.TaskStatus);
        }
        while (statuses.Count < 12 && task.TaskStatus is not ("succeed" or "failed"));

        Assert.Equal(created.Data.TaskId, task.TaskId);
        return (statuses, task);
    }

    private static string LastMotionControlCreateBody(MotionControlEmulator emulator)
    {
        var create = emulator.Requests.Last(r => r.Operation == EmulatorOperation.Create && !r.Path.StartsWith("/v1/general/", StringComparison.Ordinal));
        return create.Body;
    }

    [Fact]
    public async Task An_element_made_from_images_binds_a_kling_v3_job_and_once_deleted_no_job_can_bind_it()
    {
        await using var emulator = await StartAsync();
        using var client = V1(emulator);
        var api = client.Api;

        var (statuses, task) = await MakeAsync(api, FromImages("element-job-1"));

        Assert.Equal(["submitted", "submitted", "processing", "processing", "succeed"], statuses);
        Assert.Equal("element-job-1", task.TaskInfo?.ExternalTaskId);
        var element = Assert.Single(task.TaskResult!.Elements!);
        long elementId = element.ElementId!.Value;
        Assert.True(elementId > (1L << 53), $"{elementId}");
        Assert.Equal(("Dancer", "image_refer", "succeed"), (element.ElementName, element.ReferenceType, element.Status));
        Assert.Equal("https://example.com/front.png", element.ElementImageList?.FrontalImage);
        Assert.False(string.IsNullOrEmpty(element.OwnedBy));
        Assert.NotNull(task.FinalUnitDeduction);

        // The job binds the element by its exact 64-bit id.
        var done = await client.GenerateAsync(Job(elementId));
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        using (var body = JsonDocument.Parse(LastMotionControlCreateBody(emulator)))
        {
            Assert.Equal("kling-v3", body.RootElement.GetProperty("model_name").GetString());
            Assert.Equal("video", body.RootElement.GetProperty("character_orientation").GetString());
            Assert.Equal(elementId, body.RootElement.GetProperty("element_list")[0].GetProperty("element_id").GetInt64());
        }

        var listed = await api.ListElementsAsync();
        Assert.Equal([elementId], listed.Data.SelectMany(t => t.TaskResult?.Elements ?? []).Select(e => e.ElementId));

        var deleted = await api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = elementId.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal("succeed", deleted.Data.TaskStatus);
        Assert.False(string.IsNullOrEmpty(deleted.Data.TaskId));

        var refused = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(Job(elementId)));
        Assert.Equal("1201", refused.VendorCode);
        Assert.Contains($"element not found: {elementId}", refused.VendorMessage, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling)); // only the first job was created
        Assert.Empty((await api.ListElementsAsync()).Data);
        Assert.Equal("deleted", (await api.GetElementAsync("element-job-1")).Data.TaskResult!.Elements![0].Status);
    }

    [Fact]
    public async Task On_API_2_0_an_element_made_from_a_video_binds_a_kling_3_0_job_until_it_is_deleted()
    {
        await using var emulator = await StartAsync();
        using var client = V2(emulator);
        var api = client.Api;

        var (_, task) = await MakeAsync(api, FromVideo());
        long elementId = task.TaskResult!.Elements![0].ElementId!.Value;

        var done = await client.GenerateAsync(Job(elementId));
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        var create = emulator.Requests.Last(r => r.Path == "/motion-control/kling-3.0");
        Assert.Contains($"\"element_id\":\"{elementId.ToString(CultureInfo.InvariantCulture)}\"", create.Body, StringComparison.Ordinal);

        await api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = elementId.ToString(CultureInfo.InvariantCulture) });
        var refused = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(Job(elementId)));
        Assert.Equal("1201", refused.VendorCode);
        Assert.Contains("element not found", refused.VendorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_may_bind_a_preset_element_from_the_preset_list()
    {
        await using var emulator = await StartAsync();
        using var client = V1(emulator);

        var presets = await client.Api.ListPresetElementsAsync(pageNum: 1, pageSize: 2);
        var preset = presets.Data[0].TaskResult!.Elements![0];
        var done = await client.GenerateAsync(Job(preset.ElementId!.Value));

        Assert.Equal(2, presets.Data.Count);
        Assert.All(presets.Data, t => Assert.Null(t.FinalUnitDeduction));
        Assert.Equal("kling", preset.OwnedBy);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
    }

    [Fact]
    public async Task A_job_with_an_unknown_element_fails_only_when_the_emulator_checks_bindings()
    {
        await using var checking = await StartAsync(requireKnownElements: true);
        await using var lenient = await StartAsync(requireKnownElements: false);
        using var strict = V1(checking);
        using var loose = V1(lenient);

        var refused = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => strict.SubmitAsync(Job(829836802793406551)));
        var taken = await loose.SubmitAsync(Job(829836802793406551));

        Assert.Equal("1201", refused.VendorCode);
        Assert.Equal(0, checking.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(MotionControlTaskStatus.Queued, taken.Status);
    }

    [Fact]
    public async Task An_element_task_the_account_does_not_have_is_a_missing_task_and_a_second_delete_is_refused()
    {
        await using var emulator = await StartAsync();
        using var client = V1(emulator);
        var (_, task) = await MakeAsync(client.Api, FromImages());
        string elementId = task.TaskResult!.Elements![0].ElementId!.Value.ToString(CultureInfo.InvariantCulture);
        await client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = elementId });

        var missing = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => client.Api.GetElementAsync("no-such-element-task"));
        var again = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.Api.DeleteElementAsync(new KlingElementDeleteRequest { ElementId = elementId }));

        Assert.Equal("1201", missing.VendorCode);
        Assert.Equal("1201", again.VendorCode);
        Assert.Contains("element not found", again.VendorMessage, StringComparison.Ordinal);
    }
}
