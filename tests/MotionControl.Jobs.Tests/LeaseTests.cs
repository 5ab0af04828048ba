using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.DependencyInjection;
using MotionControl.Jobs.Sqlite;
using MotionControl.Jobs.TestWorkers;
using MotionControl.Media;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

/// <summary>Leases under load and after a take-over: batch renewal, a full worker taking over in-flight work, a create that another holder already made.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task The_SQLite_store_renews_only_held_leases_in_one_batch_with_their_news()
    {
        using var db = new TempDatabase();
        var store = new SqliteJobStore(db.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);

        await JobStoreLeaseContract.RenewLeasesRenewsOnlyHeldLeasesAndReturnsTheirNewsAsync(store);
    }

    [Fact]
    public async Task The_SQLite_store_claims_only_in_flight_jobs_when_asked()
    {
        using var db = new TempDatabase();
        var store = new SqliteJobStore(db.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);

        await JobStoreLeaseContract.AnInFlightOnlyClaimTakesOnlySubmittingAndSubmittedJobsAsync(store);
    }

    /// <summary>
    /// A worker whose capacity (here 1 job) is taken by a pending job waiting for the registration's only slot still takes
    /// over the dead worker's submitted job that holds that slot; without it the two wait for each other for ever.
    /// </summary>
    [Fact]
    public async Task A_full_worker_takes_over_the_in_flight_job_that_holds_the_slot_its_pending_job_waits_for()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o =>
        {
            o.MaxConcurrentJobs = 1;
            o.MaxConcurrentTasks["kling"] = 1;
            o.LeaseDuration = TimeSpan.FromMilliseconds(600);
        });
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var waiting = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "waits-for-the-slot" });
        var orphan = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "held-by-a-dead-worker" });
        var task = await host.Services.GetRequiredService<IMotionControlClientFactory>().GetClient("kling").SubmitAsync(JobHost.Request("kling") with { ExternalTaskId = "mcj-" + orphan.Id });

        // What a worker killed after the create leaves behind: Submitted, holding the only slot, its lease expired.
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE mc_jobs SET state = 2, task_id = @task, external_task_id = @external, lease_owner = 'dead-worker', lease_expires = 0, holds_slot = 1 WHERE id = @id;";
            command.Parameters.AddWithValue("@task", task.Id);
            command.Parameters.AddWithValue("@external", "mcj-" + orphan.Id);
            command.Parameters.AddWithValue("@id", orphan.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await host.StartAsync();
        var orphanDone = await JobHost.WaitForEndAsync(queue, orphan.Id, TimeSpan.FromSeconds(60));
        var waitingDone = await JobHost.WaitForEndAsync(queue, waiting.Id, TimeSpan.FromSeconds(60));
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Succeeded, orphanDone.State);
        Assert.Equal(task.Id, orphanDone.Task!.Id);
        Assert.Equal(MotionControlJobState.Succeeded, waitingDone.State);
        Assert.Equal(2, emulator.CreatedTaskCount("kling"));
    }

    /// <summary>
    /// The vendor refuses a create because a task with the job's external id exists (a previous holder's create, in
    /// flight when its lease ran out, landed first): the worker adopts that task rather than failing the job.
    /// </summary>
    [Fact]
    public async Task A_create_refused_because_the_external_id_exists_adopts_the_existing_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString);
        await host.StartAsync();
        var existing = await host.Services.GetRequiredService<IMotionControlClientFactory>().GetClient("kling").SubmitAsync(JobHost.Request("kling") with { ExternalTaskId = "landed-first" });
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling") with { ExternalTaskId = "landed-first" }, IdempotencyKey = "adopts" });
        var done = await JobHost.WaitForEndAsync(queue, job.Id);
        await host.StopAsync();

        Assert.True(done.State == MotionControlJobState.Succeeded, $"{done.State}: {done.Error}");
        Assert.Equal(existing.Id, done.Task!.Id);
        Assert.Equal(2, emulator.Requests.Count(r => r.Provider == "kling" && r.Operation == EmulatorOperation.Create)); // the refused one was sent
        Assert.Equal(1, emulator.CreatedTaskCount("kling"));
    }

    /// <summary>
    /// A job that ends gives its lease back itself: the lease checks that run while it finishes (here: while its staged
    /// video is deleted, which takes 300 ms, six lease checks) find the lease gone and log no lost lease (1512) and no
    /// retried step (1524).
    /// </summary>
    [Fact]
    public async Task Jobs_that_end_are_never_reported_as_lost_leases()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        var logs = new FakeLogCollector();
        var uploader = new SlowCleanupUploader(TimeSpan.FromMilliseconds(300));
        using var host = JobHost.Build(
            emulator,
            db.ConnectionString,
            o => o.LeaseDuration = TimeSpan.FromMilliseconds(150), // a lease check every 50 ms
            host: b =>
            {
                b.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs));
                b.Services.AddSingleton<IMediaUploader>(uploader);
            });
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        var video = Path.Combine(AppContext.BaseDirectory, "Fixtures", "moov_first.mp4");

        var jobs = new List<MotionControlJob>();
        for (int i = 0; i < 3; i++)
        {
            jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling") with { Video = MediaSource.FromFile(video) }, IdempotencyKey = $"ends-{i}" }));
        }

        var done = await Task.WhenAll(jobs.Select(j => JobHost.WaitForEndAsync(queue, j.Id)));
        using (var cleaned = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (uploader.Deleted < 3)
            {
                await Task.Delay(20, cleaned.Token); // the terminal write comes before the clean-up
            }
        }

        await host.StopAsync();

        Assert.All(done, j => Assert.Equal(MotionControlJobState.Succeeded, j.State));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id is 1512 or 1524);
    }

    /// <summary>Stages nothing real (a URL under a reserved name) and takes its time to delete it.</summary>
    private sealed class SlowCleanupUploader(TimeSpan deleteTakes) : IMediaUploader, IMediaCleanup
    {
        private int _deleted;

        public int Deleted => Volatile.Read(ref _deleted);

        public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            await upload.Content.CopyToAsync(Stream.Null, cancellationToken);
            return new Uri("https://storage.example.com/staged/" + upload.FileName);
        }

        public async ValueTask DeleteAsync(Uri url, CancellationToken cancellationToken = default)
        {
            await Task.Delay(deleteTakes, cancellationToken);
            Interlocked.Increment(ref _deleted);
        }
    }
}
