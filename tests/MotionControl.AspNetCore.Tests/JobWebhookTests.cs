using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionControl.DependencyInjection;
using MotionControl.Jobs;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.AspNetCore.Tests;

/// <summary>
/// docs/jobs.md "Webhooks from any instance", over real HTTP: two instances on one SQLite file. Instance A (a generic
/// host) runs the job worker and polls once every ten minutes; instance B (Kestrel on 127.0.0.1) runs no worker and
/// receives the emulator's signed Kling callback, and its <see cref="IMotionControlWebhookHandler"/> hands it to
/// <see cref="IMotionControlJobQueue.ReportTaskUpdateAsync"/> for the registration the callback's route named
/// (<see cref="MotionControlWebhookContext"/>). The job ends from B's event, at A's next lease renewal, with no poll
/// after the task ended.
/// </summary>
public sealed class JobWebhookTests
{
    // A poll every ten minutes: within the test, the worker's wait polls once (at its start) and never again.
    private static readonly MotionControlWaitOptions SlowWait = new()
    {
        PollInterval = TimeSpan.FromMinutes(10),
        MaxPollInterval = TimeSpan.FromMinutes(10),
        MaxHintedPollInterval = TimeSpan.FromMinutes(10),
        CallbackPollInterval = TimeSpan.FromMinutes(10),
        Jitter = 0,
        Timeout = TimeSpan.FromHours(1),
    };

    [Fact]
    public async Task A_signed_callback_received_by_an_instance_without_a_worker_ends_the_job_held_by_another_with_its_video()
    {
        await using var scenario = await Scenario.StartAsync(new TaskLifecycle().Processing(TimeSpan.FromSeconds(30)).Succeeds());
        var output = Path.Combine(scenario.Directory, "out", "video.mp4");

        var job = await scenario.Web.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = Requests.Kling(), IdempotencyKey = "order-1", OutputPath = output });
        var (pollsBeforeEnd, submitted) = await scenario.EndTheTaskAfterTheWorkersFirstPollAsync(job.Id);
        var done = await scenario.WaitForEndAsync(job.Id);

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        var callback = Assert.Single(scenario.Emulator.Callbacks);
        Assert.Equal((scenario.WebHost.HookFor("kling"), 200, true), (callback.Url, callback.StatusCode, callback.IsSigned));
        var reported = Assert.Single(scenario.Reports);
        Assert.Equal((submitted.Task!.Id, MotionControlTaskStatus.Succeeded, 1), (reported.Task.Id, reported.Task.Status, reported.JobsUpdated));

        // The worker learned the end from the store, not from a poll: its wait read the task once, while it ran, and the
        // vendor was never read again.
        Assert.Equal(1, pollsBeforeEnd);
        Assert.Equal(pollsBeforeEnd, scenario.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.False(submitted.Task!.IsTerminal);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Task!.Status);
        var video = Assert.Single(done.Task.Videos);
        Assert.Equal(Assert.Single(reported.Task.Videos).Url, video.Url);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await File.ReadAllBytesAsync(output));
        Assert.Equal(1, scenario.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(1, done.Attempts);
    }

    [Fact]
    public async Task With_two_registrations_of_one_vendor_the_callback_ends_the_job_of_the_registration_its_route_names()
    {
        await using var scenario = await Scenario.StartAsync(new TaskLifecycle().Processing(TimeSpan.FromSeconds(30)).Succeeds(), secondAccount: true);

        var job = await scenario.Web.EnqueueAsync(new MotionControlJobRequest { Provider = "kling-b", Request = Requests.Kling(), IdempotencyKey = "order-b" });
        var (pollsBeforeEnd, submitted) = await scenario.EndTheTaskAfterTheWorkersFirstPollAsync(job.Id);
        var done = await scenario.WaitForEndAsync(job.Id);

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        var callback = Assert.Single(scenario.Emulator.Callbacks);
        Assert.Equal((scenario.WebHost.HookFor("kling-b"), 200, true), (callback.Url, callback.StatusCode, callback.IsSigned));

        // The task says only "Kling"; the route named kling-b, and the handler passed that on to the job queue.
        var reported = Assert.Single(scenario.Reports);
        Assert.Equal((submitted.Task!.Id, "kling-b", 1), (reported.Task.Id, reported.Registration, reported.JobsUpdated));
        Assert.Equal(pollsBeforeEnd, scenario.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.Equal(1, scenario.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task A_failed_task_reported_by_callback_on_the_other_instance_fails_the_job_with_the_vendor_s_reason()
    {
        await using var scenario = await Scenario.StartAsync(new TaskLifecycle().Processing(TimeSpan.FromSeconds(30)).Fails("GPU out of memory"));
        var output = Path.Combine(scenario.Directory, "out", "video.mp4");

        var job = await scenario.Web.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = Requests.Kling(), IdempotencyKey = "order-2", OutputPath = output });
        var (pollsBeforeEnd, _) = await scenario.EndTheTaskAfterTheWorkersFirstPollAsync(job.Id);
        var done = await scenario.WaitForEndAsync(job.Id);

        Assert.Equal(MotionControlJobState.Failed, done.State);
        Assert.Equal("GPU out of memory", done.Error);
        Assert.Equal(MotionControlTaskStatus.Failed, done.Task!.Status);
        var reported = Assert.Single(scenario.Reports);
        Assert.Equal((MotionControlTaskStatus.Failed, "GPU out of memory", 1), (reported.Task.Status, reported.Task.FailureReason, reported.JobsUpdated));
        Assert.Equal(200, Assert.Single(scenario.Emulator.Callbacks).StatusCode);
        Assert.Equal(pollsBeforeEnd, scenario.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_callback_for_a_task_still_running_is_recorded_but_makes_the_worker_poll_no_more_and_the_end_s_callback_ends_the_job()
    {
        await using var scenario = await Scenario.StartAsync(new TaskLifecycle().Processing(TimeSpan.FromSeconds(30)).Succeeds());

        var job = await scenario.Web.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = Requests.Kling(), IdempotencyKey = "order-3" });
        var (polls, submitted) = await scenario.WaitForTheWorkersFirstPollAsync(job.Id);

        // A status-change callback, as Kling posts while a task runs, signed and sent to B.
        var running = Assert.Single(await scenario.Emulator.SendCallbackAsync(EmulatorProviders.Kling, submitted.Task!.Id, scenario.WebHost.HookFor("kling")));
        Assert.Equal(200, running.StatusCode);
        Assert.Equal((MotionControlTaskStatus.Processing, 1), (Assert.Single(scenario.Reports).Task.Status, Assert.Single(scenario.Reports).JobsUpdated));

        // Two lease renewals later the worker has read the report at least once; it did not read the vendor again for it.
        await scenario.WaitForLeaseRenewalsAsync(job.Id, 2);
        Assert.Equal(polls, scenario.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
        Assert.Equal(MotionControlJobState.Submitted, (await scenario.Web.GetAsync(job.Id))!.State);

        scenario.EndTheTask();
        var done = await scenario.WaitForEndAsync(job.Id, callbacks: 2);

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Equal(2, scenario.Reports.Count);
        Assert.Equal(2, scenario.Emulator.Callbacks.Count);
        Assert.Equal(1, polls);
        Assert.Equal(polls, scenario.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
    }

    /// <summary>
    /// The handler docs/jobs.md shows: it records each verified event in the job store, for the registration the
    /// callback's route named (<see cref="MotionControlWebhookContext"/>), and keeps what it reported for the test.
    /// </summary>
    private sealed class JobQueueBridge(IMotionControlJobQueue queue, MotionControlWebhookContext webhook, ConcurrentQueue<(MotionControlTask Task, string Registration, int JobsUpdated)> reports) : IMotionControlWebhookHandler
    {
        public async Task HandleAsync(MotionControlTask task, CancellationToken cancellationToken)
        {
            var updated = await queue.ReportTaskUpdateAsync(webhook.Registration, task, cancellationToken);
            reports.Enqueue((task, webhook.Registration, updated));
        }
    }

    /// <summary>The emulator on a fake clock (a task ends only when the test moves it), instance B (web, no worker) and instance A (worker).</summary>
    private sealed class Scenario : IAsyncDisposable
    {
        private const string KeyB = "kling-key-b";
        private const string SecretB = "whsec_ZW11bGF0b3Ita2xpbmctYi13ZWJob29rLXNlY3JldA==";
        private readonly FakeTimeProvider _clock;
        private readonly string _database;
        private readonly ConcurrentQueue<(MotionControlTask Task, string Registration, int JobsUpdated)> _reports;

        private Scenario(MotionControlEmulator emulator, FakeTimeProvider clock, string directory, string database, WebhookHost web, IHost worker, ConcurrentQueue<(MotionControlTask Task, string Registration, int JobsUpdated)> reports)
        {
            Emulator = emulator;
            _clock = clock;
            _database = database;
            Directory = directory;
            WebHost = web;
            Worker = worker;
            _reports = reports;
        }

        public MotionControlEmulator Emulator { get; }

        public string Directory { get; }

        public WebhookHost WebHost { get; }

        public IHost Worker { get; }

        public IMotionControlJobQueue Web => WebHost.Services.GetRequiredService<IMotionControlJobQueue>();

        /// <summary>Each event B's bridge handed to the job queue, and how many jobs it updated.</summary>
        public IReadOnlyList<(MotionControlTask Task, string Registration, int JobsUpdated)> Reports => [.. _reports];

        /// <param name="lifecycle">The first task's lifecycle.</param>
        /// <param name="secondAccount">Adds a second Kling registration, <c>kling-b</c>, on its own emulator account with its own signing secret, on both instances.</param>
        public static async Task<Scenario> StartAsync(TaskLifecycle lifecycle, bool secondAccount = false)
        {
            // The emulator's clock moves only when told: the task's timed phase ends (and its callback is sent) when the
            // test advances it, never by itself. The clients and Kestrel run on the real clock; the callback's signature
            // timestamp is 30 s ahead of it, inside the receiver's 5-minute window.
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
            {
                TimeProvider = clock,
                Credentials = new() { AdditionalAccounts = secondAccount ? [new EmulatorAccount("b") { KlingApiKey = KeyB, KlingWebhookSecret = SecretB }] : [] },
            });
            emulator.EnqueueLifecycle(EmulatorProviders.Kling, lifecycle);
            var directory = System.IO.Directory.CreateTempSubdirectory("mc-hook-jobs-").FullName;
            var database = $"Data Source={Path.Combine(directory, "jobs.db")}";
            var reports = new ConcurrentQueue<(MotionControlTask Task, string Registration, int JobsUpdated)>();

            // B: the web instance. It enqueues and reads jobs, runs no worker, and receives the vendors' callbacks.
            var web = await WebhookHost.StartAsync(
                mc => AddSecond(mc.AddKling(o => Kling(o, emulator)), emulator, secondAccount)
                    .AddJobs(o =>
                    {
                        o.UseSqlite(database);
                        o.RunWorker = false;
                    }),
                o =>
                {
                    o.SigningSecrets["kling"] = emulator.Credentials.KlingWebhookSecret!;
                    if (secondAccount)
                    {
                        o.SigningSecrets["kling-b"] = SecretB;
                    }
                },
                services: s => s.AddScoped<IMotionControlWebhookHandler>(sp => new JobQueueBridge(sp.GetRequiredService<IMotionControlJobQueue>(), sp.GetRequiredService<MotionControlWebhookContext>(), reports)));

            // A: the worker instance, configured as every instance is (the public callback address is B's, as a load
            // balancer would route it), with no endpoint of its own. Its leases are renewed, and the store read for
            // reported updates, every 200 ms (a third of the lease).
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            AddSecond(builder.Services.AddMotionControl().AddKling(o => Kling(o, emulator)), emulator, secondAccount)
                .AddWebhooks(o => o.PublicBaseUrl = web.BaseAddress)
                .AddJobs(o =>
                {
                    o.UseSqlite(database);
                    o.PollInterval = TimeSpan.FromMilliseconds(20);
                    o.LeaseDuration = TimeSpan.FromMilliseconds(600);
                    o.WaitOptions = SlowWait;
                });
            var worker = builder.Build();
            await worker.StartAsync();
            return new Scenario(emulator, clock, directory, database, web, worker, reports);
        }

        /// <summary>
        /// Waits until the worker has submitted the job and its wait has polled once, while the task runs (it will not poll
        /// again for ten minutes). Returns the poll count then.
        /// </summary>
        public async Task<(int Polls, MotionControlJob Submitted)> WaitForTheWorkersFirstPollAsync(string jobId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            MotionControlJob job;
            while ((job = (await Web.GetAsync(jobId, timeout.Token))!).State != MotionControlJobState.Submitted
                || job.Task is null
                || Emulator.FindTask(EmulatorProviders.Kling, job.Task.Id) is not { PollCount: >= 1 })
            {
                Assert.False(job.IsTerminal, $"the job ended before its task did: {job.State} {job.Error}");
                await Task.Delay(20, timeout.Token);
            }

            Assert.Equal(EmulatedTaskStatus.Processing, Emulator.FindTask(EmulatorProviders.Kling, job.Task.Id)!.Status);
            Assert.Empty(Emulator.Callbacks);
            return (Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get), job);
        }

        /// <summary>Ends the task's timed phase on the emulator's clock, which sends its callback to B.</summary>
        public void EndTheTask() => _clock.Advance(TimeSpan.FromSeconds(30));

        /// <summary>The first poll, then the task's end (see <see cref="WaitForTheWorkersFirstPollAsync"/>).</summary>
        public async Task<(int Polls, MotionControlJob Submitted)> EndTheTaskAfterTheWorkersFirstPollAsync(string jobId)
        {
            var first = await WaitForTheWorkersFirstPollAsync(jobId);
            EndTheTask();
            return first;
        }

        /// <summary>Waits until A has renewed the job's lease <paramref name="count"/> times (read from the store's row).</summary>
        public async Task WaitForLeaseRenewalsAsync(string jobId, int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await using var connection = new SqliteConnection(_database);
            await connection.OpenAsync(timeout.Token);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT lease_expires FROM mc_jobs WHERE id = $id;";
            command.Parameters.AddWithValue("$id", jobId);
            var last = await command.ExecuteScalarAsync(timeout.Token);
            for (var renewals = 0; renewals < count; await Task.Delay(20, timeout.Token))
            {
                var now = await command.ExecuteScalarAsync(timeout.Token);
                if (!Equals(now, last))
                {
                    (last, renewals) = (now, renewals + 1);
                }
            }
        }

        /// <summary>
        /// Waits until the job has ended and the emulator has recorded the answers to <paramref name="callbacks"/>
        /// deliveries (the job may end before B's answer reaches the emulator: the worker reads the store while B's
        /// handler returns).
        /// </summary>
        public async Task<MotionControlJob> WaitForEndAsync(string jobId, int callbacks = 1)
        {
            var limit = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var job = await Web.GetAsync(jobId) ?? throw new InvalidOperationException($"job {jobId} is lost");
                if (job.IsTerminal && Emulator.Callbacks.Count >= callbacks)
                {
                    return job;
                }

                Assert.True(DateTime.UtcNow < limit, $"the job did not end within 30 s: {job.State}; callbacks: {string.Join("; ", Emulator.Callbacks.Select(c => c.StatusCode))}; jobs updated by the reports: {string.Join(", ", Reports.Select(r => r.JobsUpdated))}");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Worker.StopAsync();
            Worker.Dispose();
            await WebHost.DisposeAsync();
            await Emulator.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static MotionControlBuilder AddSecond(MotionControlBuilder motion, MotionControlEmulator emulator, bool secondAccount) =>
            secondAccount
                ? motion.AddKling("kling-b", o =>
                {
                    o.BaseAddress = emulator.KlingBaseAddress;
                    o.ApiKey = KeyB;
                    o.WaitOptions = SlowWait;
                })
                : motion;

        private static void Kling(KlingOptions o, MotionControlEmulator emulator)
        {
            o.BaseAddress = emulator.KlingBaseAddress;
            o.ApiKey = emulator.Credentials.KlingApiKey;
            o.WaitOptions = SlowWait;
        }
    }
}
