using Microsoft.Extensions.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

public sealed class JobQueueTests
{
    [Theory]
    [InlineData("kling")]
    [InlineData("vydra")]
    public async Task A_job_runs_once_to_Succeeded_downloads_its_output_and_records_the_charge(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var output = Path.Combine(db.Directory, "out", "video.mp4");

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = provider, Request = JobHost.Request(provider), IdempotencyKey = "order-1", OutputPath = output });
        Assert.Equal(MotionControlJobState.Pending, job.State);
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Equal(1, emulator.CreatedTaskCount(provider));
        Assert.Equal(1, done.Attempts);
        Assert.NotNull(done.Task);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Task!.Status);
        Assert.NotNull(done.SubmittedAt);
        Assert.True(File.Exists(output));
        Assert.True(new FileInfo(output).Length > 0);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.part"));
        Assert.Equal(provider == "kling" ? "mcj-" + job.Id : null, done.ExternalTaskId);
        Assert.Equal(done.Task.Charge, done.Charge);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_returns_the_first_job_and_submits_once()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        using var second = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var otherQueue = second.Services.GetRequiredService<IMotionControlJobQueue>();
        var request = new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "same-key" };

        var jobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? queue : otherQueue).EnqueueAsync(request)));
        var done = await JobHost.WaitForEndAsync(queue, jobs[0].Id);
        var again = await otherQueue.EnqueueAsync(request with { Request = JobHost.Request("kling") with { Prompt = "different" } });
        await host.StopAsync();

        Assert.All(jobs, j => Assert.Equal(jobs[0].Id, j.Id));
        Assert.Equal(jobs[0].Id, again.Id);
        Assert.Equal(MotionControlJobState.Succeeded, again.State);
        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Equal(1, emulator.CreatedTaskCount("kling"));
        Assert.Single(await queue.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task A_stream_medium_is_refused_at_enqueue_with_a_clear_error()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        using var stream = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = JobHost.Request("kling") with { Video = MediaSource.FromStream(stream) },
            IdempotencyKey = "s",
        }));

        Assert.Contains("Stream medium", error.Message, StringComparison.Ordinal);
        Assert.Empty(await queue.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task Inline_bytes_over_the_documented_limit_are_refused_and_bytes_under_it_are_journaled()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = JobHost.Request("kling") with { Image = MediaSource.FromBytes(new byte[MotionControlJobRequest.MaxInlineMediaBytes + 1]) },
            IdempotencyKey = "big",
        }));
        var small = await queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = JobHost.Request("kling") with { Image = MediaSource.FromBytes(new byte[] { 1, 2, 3 }, "a.png") },
            IdempotencyKey = "small",
        });

        Assert.Contains(MotionControlJobRequest.MaxInlineMediaBytes.ToString(), error.Message, StringComparison.Ordinal);
        var record = await host.Services.GetRequiredService<Storage.IJobStore>().GetAsync(small.Id, default);
        var journaled = await Journal.RequestJournal.ReadAsync(record!.RequestJson, default);
        Assert.Equal(MediaSourceKind.Bytes, journaled.Image.Kind);
        Assert.Equal("a.png", journaled.Image.FileName);
    }

    [Fact]
    public async Task A_journaled_file_changed_before_submit_fails_the_job_without_a_create()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        var image = Path.Combine(db.Directory, "character.png");
        await File.WriteAllBytesAsync(image, [1, 2, 3, 4]);
        using (var enqueuer = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false))
        {
            await enqueuer.Services.GetRequiredService<IMotionControlJobQueue>().EnqueueAsync(new MotionControlJobRequest
            {
                Provider = "kling",
                Request = JobHost.Request("kling") with { Image = MediaSource.FromFile(image) },
                IdempotencyKey = "file",
            });
        }

        await File.WriteAllBytesAsync(image, [1, 2, 3, 5]);
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var id = (await queue.ListAsync().FirstAsync()).Id;
        var done = await JobHost.WaitForEndAsync(queue, id);
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Failed, done.State);
        Assert.Contains("changed since the job was enqueued", done.Error, StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount("kling"));
    }

    [Fact]
    public async Task A_pending_job_canceled_before_any_worker_ends_Canceled_without_a_create()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "c" });

        var canceled = await queue.CancelAsync(job.Id);

        Assert.Equal(MotionControlJobState.Canceled, canceled.State);
        Assert.Equal(0, emulator.CreatedTaskCount("kling"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => queue.CancelAsync("nope"));
    }

    [Fact]
    public async Task A_job_past_its_deadline_before_submit_fails_with_a_clear_error_and_no_create()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "d", Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) });
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Failed, done.State);
        Assert.Contains("deadline", done.Error, StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount("kling"));
    }

    [Fact]
    public async Task A_task_update_reported_through_the_store_ends_a_wait_held_by_the_worker()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle("kling", new Testing.TaskLifecycle().ProcessingForever());
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.LeaseDuration = TimeSpan.FromMilliseconds(300));
        using var other = JobHost.Build(emulator, db.ConnectionString, o => o.RunWorker = false);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "w" });
        MotionControlJob submitted;
        do
        {
            await Task.Delay(20);
            submitted = (await queue.GetAsync(job.Id))!;
        }
        while (submitted.State != MotionControlJobState.Submitted);

        // Another instance (no worker) received the webhook event.
        var updated = await other.Services.GetRequiredService<IMotionControlJobQueue>().ReportTaskUpdateAsync("kling", submitted.Task! with { Status = MotionControlTaskStatus.Failed, FailureReason = "reported by webhook" });
        var done = await JobHost.WaitForEndAsync(queue, job.Id, TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.Equal(1, updated);
        Assert.Equal(MotionControlJobState.Failed, done.State);
        Assert.Equal("reported by webhook", done.Error);
    }
}
