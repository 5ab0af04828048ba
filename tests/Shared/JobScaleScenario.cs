using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotionControl.DependencyInjection;
using MotionControl.Testing;
using Xunit.Abstractions;

namespace MotionControl.Jobs.TestWorkers;

/// <summary>
/// The queue at scale with real worker processes (tests/MotionControl.Jobs.Worker) on one store, shared by the SQLite and
/// PostgreSQL test projects (linked source). 400 Kling jobs on three registrations — <c>kling</c>, <c>kling-a</c>,
/// <c>kling-b</c>, each its own emulator account (poll-counted lifecycles) — with at most 8 tasks per registration, 2 s
/// leases and 10 ms polls. The test process enqueues through a host that runs no worker; the workers are separate
/// processes. Mid-run, once the last worker holds leases of unfinished jobs and a tenth of the jobs have ended, it is
/// killed with SIGKILL (with one worker, a replacement with another worker id is started). The scenario then checks:
/// every job Succeeded with its own task, the emulator created exactly 400 tasks, no account ever had more than 8 running
/// at once (the emulator's high-water mark), and every job the killed worker held was taken over by another worker
/// (its log line 1511 names the job and the killed worker).
/// </summary>
internal static partial class JobScaleScenario
{
    public const int JobCount = 400;
    public const int Limit = 8;
    private static readonly string[] ExtraAccounts = ["a", "b"];
    private static readonly string[] Registrations = ["kling", "kling-a", "kling-b"];

    /// <summary>What one run showed, for the calling test's own assertions.</summary>
    public sealed record Outcome(IReadOnlyList<string> Orphaned, IReadOnlySet<string> TakenOver);

    /// <param name="useStore">Points the test's own (enqueue-only) host at the store.</param>
    /// <param name="storeArguments">The same store for the worker processes (<c>--sqlite path</c> or <c>--postgres ... --schema ...</c>).</param>
    /// <param name="workers">How many worker processes share the store.</param>
    /// <param name="unfinishedLeasedBy">The ids of the unfinished jobs whose lease the named worker holds, read from the store.</param>
    /// <param name="output">The test's output (the workers' lines go there).</param>
    public static async Task<Outcome> RunAsync(
        Action<MotionControlJobOptions> useStore,
        IReadOnlyList<string> storeArguments,
        int workers,
        Func<string, Task<IReadOnlyList<string>>> unfinishedLeasedBy,
        ITestOutputHelper output)
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new()
        {
            Credentials = new() { AdditionalAccounts = [.. ExtraAccounts.Select(a => new EmulatorAccount(a) { KlingApiKey = $"kling-key-{a}" })] },
        });
        using var host = BuildEnqueueHost(emulator, useStore);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var jobs = new List<MotionControlJob>(JobCount);
        for (int i = 0; i < JobCount; i++)
        {
            var registration = Registrations[i % Registrations.Length];
            jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest
            {
                Provider = registration,
                Request = new MotionControlRequest
                {
                    Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
                    Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
                },
                IdempotencyKey = $"scale-{i}",
            }));
        }

        var processes = new List<JobWorkerProcess>();
        try
        {
            for (int i = 0; i < workers; i++)
            {
                processes.Add(StartWorker(emulator, storeArguments, $"worker-{i}", output));
            }

            foreach (var process in processes)
            {
                await process.WaitForLineAsync("WORKER-READY", TimeSpan.FromSeconds(60));
            }

            // Mid-run: the victim holds leases of unfinished jobs and at least a tenth of all jobs have ended.
            var victim = processes[^1];
            var victimId = $"worker-{workers - 1}";
            using (var midRun = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                while (!((await unfinishedLeasedBy(victimId)).Count > 0 && await CountEndedAsync(queue) >= JobCount / 10))
                {
                    Assert.False(victim.HasExited, "the worker to kill exited by itself");
                    await Task.Delay(20, midRun.Token);
                }
            }

            Assert.Equal(137, victim.KillHard()); // 128 + SIGKILL: no shutdown code ran, the leases stay in the store
            var orphaned = await unfinishedLeasedBy(victimId);
            Assert.NotEmpty(orphaned);
            if (workers == 1)
            {
                var replacement = StartWorker(emulator, storeArguments, "worker-replacement", output);
                processes.Add(replacement);
                await replacement.WaitForLineAsync("WORKER-READY", TimeSpan.FromSeconds(60));
            }

            var done = await WaitForAllToEndAsync(queue, TimeSpan.FromSeconds(240));

            Assert.Equal(jobs.Select(j => j.Id).Order(StringComparer.Ordinal), done.Select(j => j.Id).Order(StringComparer.Ordinal));
            Assert.All(done, j => Assert.True(j.State == MotionControlJobState.Succeeded, $"job {j.Id}: {j.State} {j.Error}"));
            Assert.Equal(JobCount, emulator.CreatedTaskCount(EmulatorProviders.Kling));
            Assert.Equal(JobCount, done.Select(j => j.Task!.Id).Distinct().Count());
            foreach (var account in (string[])[EmulatorCredentials.DefaultAccountName, .. ExtraAccounts])
            {
                Assert.InRange(emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Kling, account), 1, Limit);
            }

            var takenOver = new HashSet<string>(StringComparer.Ordinal);
            foreach (var process in processes.Where(p => p != victim))
            {
                foreach (var line in process.Lines)
                {
                    if (TakeOverLine().Match(line) is { Success: true } match && match.Groups["from"].Value == victimId)
                    {
                        takenOver.Add(match.Groups["job"].Value);
                    }
                }
            }

            var lostLeases = processes.Where(p => p != victim).Sum(p => p.Lines.Count(l => l.Contains("[1512]", StringComparison.Ordinal)));
            output.WriteLine($"scenario: {orphaned.Count} job(s) leased by the killed {victimId}, {takenOver.Count} taken over from it; {lostLeases} lease(s) lost by live workers");
            Assert.Subset(takenOver, orphaned.ToHashSet(StringComparer.Ordinal));
            return new Outcome(orphaned, takenOver);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            await host.StopAsync();
        }
    }

    // The worker's log 1511 on one line (SimpleConsole, SingleLine).
    [GeneratedRegex(@"\[1511\] Worker (?<worker>\S+) took job (?<job>[0-9a-f]{32}) \(\w+\) over from worker (?<from>\S+), whose lease expired\.")]
    private static partial Regex TakeOverLine();

    private static JobWorkerProcess StartWorker(MotionControlEmulator emulator, IReadOnlyList<string> storeArguments, string workerId, ITestOutputHelper output) =>
        JobWorkerProcess.Start(
            [
                "--emulator", emulator.BaseAddress.ToString(), .. storeArguments, "--worker-id", workerId,
                "--limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lease-ms", "2000", "--poll-ms", "10",
                "--kling-accounts", string.Join(',', ExtraAccounts),
            ],
            output);

    private static IHost BuildEnqueueHost(MotionControlEmulator emulator, Action<MotionControlJobOptions> useStore)
    {
        var builder = Host.CreateApplicationBuilder();
        var motion = builder.Services.AddMotionControl().AddKling(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.AccessKey = emulator.Credentials.KlingAccessKey;
            o.SecretKey = emulator.Credentials.KlingSecretKey;
        });
        foreach (var account in ExtraAccounts)
        {
            motion.AddKling($"kling-{account}", o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ApiKey = $"kling-key-{account}";
            });
        }

        motion.AddJobs(o =>
        {
            useStore(o);
            o.RunWorker = false;
        });
        return builder.Build();
    }

    private static async Task<int> CountEndedAsync(IMotionControlJobQueue queue) => (await ListAllAsync(queue)).Count(j => j.IsTerminal);

    private static async Task<List<MotionControlJob>> ListAllAsync(IMotionControlJobQueue queue, CancellationToken cancellationToken = default)
    {
        var all = new List<MotionControlJob>(JobCount);
        await foreach (var job in queue.ListAsync(new MotionControlJobListOptions { PageSize = JobCount }, cancellationToken))
        {
            all.Add(job);
        }

        return all;
    }

    // One list of all jobs every 100 ms, not a read per job: the workers share the two cores with the test.
    private static async Task<List<MotionControlJob>> WaitForAllToEndAsync(IMotionControlJobQueue queue, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var all = await ListAllAsync(queue, cts.Token);
            Assert.Equal(JobCount, all.Count); // none lost
            if (all.TrueForAll(j => j.IsTerminal))
            {
                return all;
            }

            await Task.Delay(100, cts.Token);
        }
    }
}
