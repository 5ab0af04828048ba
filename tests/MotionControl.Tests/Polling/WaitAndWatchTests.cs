using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>WaitForCompletionAsync and WatchAsync through real vendor clients against the emulator.</summary>
public class WaitAndWatchTests
{
    [Fact]
    public async Task Watch_yields_each_change_once_and_ends_after_success()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Queued(2).Processing(6).Succeeds());
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));

        var seen = new List<MotionControlTask>();
        await foreach (var task in client.WatchAsync(submitted.Id))
        {
            seen.Add(task);
        }

        Assert.Equal(MotionControlTaskStatus.Succeeded, seen[^1].Status);
        Assert.NotEmpty(seen[^1].Videos);
        Assert.Contains(seen, t => t.Status == MotionControlTaskStatus.Processing);
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.False(seen[i].Status == seen[i - 1].Status && seen[i].Progress == seen[i - 1].Progress, "a change was yielded twice");
        }

        Assert.True(seen.Count < emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Get), "unchanged polls are not yielded");
    }

    [Fact]
    public async Task Watch_yields_a_failed_task_instead_of_throwing_and_wait_throws_with_the_reason()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).Fails("The motion could not be extracted"));
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).Fails("The motion could not be extracted"));
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator);

        var watched = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        MotionControlTask? last = null;
        await foreach (var task in client.WatchAsync(watched.Id))
        {
            last = task;
        }

        Assert.Equal(MotionControlTaskStatus.Failed, last?.Status);

        var waited = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        var failure = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => client.WaitForCompletionAsync(waited.Id));
        Assert.Equal(waited.Id, failure.Task.Id);
        Assert.Equal("The motion could not be extracted", failure.Task.FailureReason);
        Assert.Contains("could not be extracted", failure.Message);
    }

    [Fact]
    public async Task Leaving_a_watch_early_stops_polling()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));

        await foreach (var task in client.WatchAsync(submitted.Id))
        {
            break;
        }

        var polls = emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Get);
        await Task.Delay(200);
        Assert.Equal(polls, emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Get));
    }

    [Fact]
    public async Task A_watch_past_its_deadline_throws_the_timeout_with_the_last_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.AimlApi, new TaskLifecycle().ProcessingForever());
        using var client = VendorTestBed.CreateClient(MotionControlProviders.AimlApi, emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));

        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(async () =>
        {
            await foreach (var unused in client.WatchAsync(submitted.Id, VendorTestBed.FastWait with { Timeout = TimeSpan.FromMilliseconds(300) }))
            {
            }
        });
        Assert.Equal(MotionControlTaskStatus.Processing, timeout.LastTask?.Status);
    }

    [Fact]
    public async Task A_fresh_client_resumes_a_wait_for_a_task_submitted_elsewhere()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        string taskId;
        using (var submitter = VendorTestBed.CreateClient(MotionControlProviders.ModelsLab, emulator))
        {
            taskId = (await submitter.SubmitAsync(VendorTestBed.DefaultRequest(submitter.ProviderName))).Id;
        }

        using var resumer = VendorTestBed.CreateClient(MotionControlProviders.ModelsLab, emulator);
        var task = await resumer.WaitForCompletionAsync(taskId);

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Fact]
    public async Task Cancelling_a_wait_ends_it_and_the_request_in_flight()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.Delay(TimeSpan.FromSeconds(30)), FaultSchedule.EveryCall);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCompletionAsync(submitted.Id, cancellationToken: cts.Token));

        // The goal is 100 ms after cancellation; the bound is generous against a loaded machine (timing lives in benchmarks).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {clock.Elapsed}");
    }
}
