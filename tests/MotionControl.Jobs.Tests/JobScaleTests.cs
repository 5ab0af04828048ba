using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

public sealed class JobScaleTests
{
    private const int Limit = 8;

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
        var clock = Stopwatch.StartNew();

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

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
    }
}
