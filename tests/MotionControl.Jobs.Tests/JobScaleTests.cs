using Microsoft.Extensions.DependencyInjection;
using MotionControl.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

/// <summary>The job queue at scale on SQLite: many emulated jobs through one worker, within the per-registration limit.</summary>
public sealed class JobScaleTests
{
    private const int Limit = 8;

    /// <summary>
    /// Three Kling registrations (<c>kling</c>, <c>kling-a</c>, <c>kling-b</c>) on three emulator accounts, 50 jobs each, 8 tasks per registration: each
    /// account's high-water mark stays within 8.
    /// </summary>
    [Fact]
    public async Task Named_Kling_registrations_each_keep_their_own_account_within_the_limit()
    {
        string[] accounts = ["a", "b"];
        await using var emulator = await MotionControlEmulator.StartAsync(new()
        {
            Credentials = new() { AdditionalAccounts = [.. accounts.Select(a => new EmulatorAccount(a) { KlingApiKey = $"kling-key-{a}" })] },
        });
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.DefaultMaxConcurrentTasks = Limit, motion =>
        {
            motion.AddKling(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ApiKey = emulator.Credentials.KlingApiKey;
                o.WaitOptions = JobHost.FastWait;
            });
            foreach (var account in accounts)
            {
                motion.AddKling($"kling-{account}", o =>
                {
                    o.BaseAddress = emulator.BaseAddress;
                    o.ApiKey = $"kling-key-{account}";
                    o.WaitOptions = JobHost.FastWait;
                });
            }
        });
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
        string[] registrations = ["kling", "kling-a", "kling-b"];

        var jobs = new List<MotionControlJob>();
        foreach (var registration in registrations)
        {
            for (int i = 0; i < 50; i++)
            {
                jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest { Provider = registration, Request = JobHost.Request("kling"), IdempotencyKey = $"{registration}-{i}" }));
            }
        }

        var done = await Task.WhenAll(jobs.Select(j => JobHost.WaitForEndAsync(queue, j.Id, TimeSpan.FromSeconds(120))));
        await host.StopAsync();

        Assert.All(done, j => Assert.Equal(MotionControlJobState.Succeeded, j.State));
        Assert.Equal(150, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        foreach (var account in (string[])[EmulatorCredentials.DefaultAccountName, .. accounts])
        {
            Assert.InRange(emulator.ConcurrentTaskHighWaterMark(EmulatorProviders.Kling, account), 1, Limit);
        }
    }

    /// <summary>
    /// One host with the worker on one SQLite file runs 400 emulated jobs (200 Kling, 200 Vydra; about
    /// 20 s on a shared 2-core machine) with a 10 ms poll interval and at most 8 tasks per
    /// registration: every job succeeds, each is created exactly once, and the emulator never sees more than 8 running
    /// at once per provider and account.
    /// </summary>
    [Fact]
    public async Task Four_hundred_jobs_on_one_SQLite_file_all_succeed_once_and_never_exceed_the_concurrency_limit()
    {
        const int perProvider = 200;
        string[] providers = ["kling", "vydra"];
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o =>
        {
            o.DefaultMaxConcurrentTasks = Limit;
            o.MaxConcurrentTasks["kling"] = Limit;
            o.MaxConcurrentTasks["vydra"] = Limit;
        });
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var jobs = new List<MotionControlJob>();
        foreach (var provider in providers)
        {
            for (int i = 0; i < perProvider; i++)
            {
                jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest { Provider = provider, Request = JobHost.Request(provider), IdempotencyKey = $"{provider}-{i}" }));
            }
        }

        var done = await Task.WhenAll(jobs.Select(j => JobHost.WaitForEndAsync(queue, j.Id, TimeSpan.FromSeconds(120))));
        await host.StopAsync();

        Assert.All(done, j => Assert.Equal(MotionControlJobState.Succeeded, j.State));
        foreach (var provider in providers)
        {
            Assert.Equal(perProvider, emulator.CreatedTaskCount(provider));
            Assert.InRange(emulator.ConcurrentTaskHighWaterMark(provider, EmulatorCredentials.DefaultAccountName), 1, Limit);
        }
    }
}
