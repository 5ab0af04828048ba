using System.Text.Json;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>Whole Kling API 2.0 jobs through the neutral client on the emulator (which serves the 2.0 routes as strictly as the legacy ones).</summary>
public sealed class KlingV2JobTests
{
    private static KlingClient V2(MotionControlEmulator emulator) =>
        (KlingClient)VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, options =>
        {
            var kling = (KlingOptions)options;
            kling.ApiVersion = KlingApiVersion.V2;
            kling.AccessKey = null;
            kling.SecretKey = null;
            kling.ApiKey = emulator.Credentials.KlingApiKey;
        });

    private static MotionControlRequest Request(string? externalId = null) => VendorTestBed.DefaultRequest(MotionControlProviders.Kling) with
    {
        Model = KlingClient.KlingV3Model,
        Mode = GenerationMode.Pro,
        KeepOriginalSound = false,
        ExternalTaskId = externalId,
    };

    [Fact]
    public async Task A_full_V2_job_submits_reads_in_batch_waits_lists_by_status_and_downloads()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = V2(emulator);

        var submitted = await client.SubmitAsync(Request("v2-job-1"));
        var other = await client.SubmitAsync(Request("v2-job-2"));
        var batch = await client.GetTasksAsync([submitted.Id, "no-such-task", other.Id]);
        var done = await client.WaitForCompletionAsync(submitted.Id);
        await client.WaitForCompletionAsync(other.Id);
        var succeeded = await client.ListTasksAsync(new MotionControlListOptions { Status = MotionControlTaskStatus.Succeeded }).ToListAsync();
        var queued = await client.ListTasksAsync(new MotionControlListOptions { Status = MotionControlTaskStatus.Queued }).ToListAsync();
        using var video = new MemoryStream();
        var bytes = await client.DownloadVideoAsync(done, video);

        // The create went to the model's path with the 2.0 body; the batch read was one request.
        var create = emulator.Requests.First(r => r.Operation == EmulatorOperation.Create);
        Assert.Equal("/motion-control/kling-3.0", create.Path);
        using var body = JsonDocument.Parse(create.Body);
        Assert.Equal("1080p", body.RootElement.GetProperty("settings").GetProperty("resolution").GetString());
        Assert.Equal("off", body.RootElement.GetProperty("settings").GetProperty("audio").GetString());
        Assert.Equal("v2-job-1", body.RootElement.GetProperty("options").GetProperty("external_task_id").GetString());
        Assert.NotNull(create.Account); // the emulator takes only the API key on 2.0 routes (a JWT is refused)
        Assert.Equal([submitted.Id, other.Id], batch.Select(t => t.Id));
        Assert.Single(emulator.Requests, r => r.Method == "GET" && r.Path == "/tasks" && r.Query.Contains("no-such-task", StringComparison.Ordinal));

        Assert.Equal((MotionControlTaskStatus.Succeeded, "succeeded", "v2-job-1"), (done.Status, done.VendorStatus, done.ExternalTaskId));
        Assert.NotEmpty(done.Videos);
        Assert.True(bytes > 0);
        Assert.Equal(bytes, video.Length);

        // Kling filters the list (the status is in the request body), not the SDK.
        Assert.Equal([other.Id, submitted.Id], succeeded.Select(t => t.Id).Where(id => id == submitted.Id || id == other.Id));
        Assert.Empty(queued);
        var lists = emulator.Requests.Where(r => r.Operation == EmulatorOperation.List).ToList();
        Assert.Equal(2, lists.Count);
        Assert.All(lists, r => Assert.Equal(("POST", "/tasks"), (r.Method, r.Path)));
        Assert.Contains("\"succeeded\"", lists[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"submitted\"", lists[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_V2_create_whose_reply_is_lost_is_recovered_by_external_id_with_exactly_one_task_created()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(MotionControlProviders.Kling, EmulatorOperation.Create, EmulatorFault.Abort(processRequest: true));
        using var client = V2(emulator);

        var task = await client.SubmitAsync(Request("v2-lost-1"));

        Assert.Equal("v2-lost-1", task.ExternalTaskId);
        Assert.Equal(1, emulator.CreatedTaskCount(MotionControlProviders.Kling));
        Assert.Equal(1, emulator.CallCount(MotionControlProviders.Kling, EmulatorOperation.Create));
        Assert.Contains(emulator.Requests, r => r.Path == "/tasks" && r.Query.Contains("external_task_ids=v2-lost-1", StringComparison.Ordinal));
        Assert.Equal(MotionControlTaskStatus.Succeeded, (await client.WaitForCompletionAsync(task.Id)).Status);
    }

    [Fact]
    public async Task Batch_status_of_45_ids_costs_3_requests_and_unknown_ids_are_absent()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = V2(emulator);
        var ids = new List<string>();
        for (var i = 0; i < 42; i++)
        {
            ids.Add((await client.SubmitAsync(Request($"v2-batch-{i}"))).Id);
        }

        ids.Insert(5, "unknown-1");
        ids.Insert(25, "unknown-2");
        ids.Add("unknown-3");
        var before = emulator.Requests.Count;

        var tasks = await client.GetTasksAsync(ids);

        Assert.Equal(3, emulator.Requests.Count - before);
        Assert.Equal(ids.Where(id => !id.StartsWith("unknown", StringComparison.Ordinal)), tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task On_V1_a_batch_read_is_one_request_per_id_and_unknown_ids_are_absent()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = (KlingClient)VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await client.SubmitAsync(Request($"v1-batch-{i}") with { Model = null, Mode = null })).Id);
        }

        ids.Insert(2, "999999999");
        var before = emulator.CallCount(MotionControlProviders.Kling, EmulatorOperation.Get);

        var tasks = await client.GetTasksAsync(ids);

        Assert.Equal(7, emulator.CallCount(MotionControlProviders.Kling, EmulatorOperation.Get) - before);
        Assert.Equal(ids.Where(id => id != "999999999"), tasks.Select(t => t.Id));
    }
}
