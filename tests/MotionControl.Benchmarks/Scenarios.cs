using System.Diagnostics;
using System.Globalization;
using MetadataExtractor.Formats.QuickTime;
using Microsoft.Extensions.Time.Testing;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>Measurements that BenchmarkDotNet fits badly: run once, printed as "key: value" lines.</summary>
internal static class Scenarios
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Downloads of 20, 200 and 1,000 MiB to Stream.Null (emulator in another process), measuring the live managed heap
    /// (after a full collection) on every 32nd progress report, about every 2.5 MiB: its peak above the heap before the
    /// download must not grow with the size. Garbage is not counted: BenchmarkDotNet's Allocated column shows it.
    /// </summary>
    public static async Task<int> DownloadMemoryAsync()
    {
        var (server, baseAddress) = await BenchEnvironment.StartEmulatorProcessAsync(1);
        try
        {
            using var client = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = BenchEnvironment.Credentials.VydraApiKey });
            var peaks = new List<long>();
            foreach (var mib in new[] { 20, 200, 1000, 20 })
            {
                var bytes = mib * 1024L * 1024;
                var task = new MotionControlTask
                {
                    Id = "bench",
                    ProviderName = MotionControlProviders.Vydra,
                    Status = MotionControlTaskStatus.Succeeded,
                    Videos = [new GeneratedVideo { Url = new Uri(baseAddress, FormattableString.Invariant($"files/blob?bytes={bytes}")) }],
                };
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalMemory(forceFullCollection: false);
                var peak = before;
                var reports = 0;
                var started = Stopwatch.StartNew();
                var written = await client.DownloadVideoAsync(task, Stream.Null, new SyncProgress<long>(_ =>
                {
                    if (++reports % 32 == 0)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                    }
                }));
                var seconds = started.Elapsed.TotalSeconds;
                Console.WriteLine($"download.{mib}MiB: {written} bytes, {(written / seconds / (1 << 30)).ToString("0.00", Inv)} GiB/s, live managed heap peak +{(peak - before) / 1024} KiB above the start ({reports} progress reports)");
                peaks.Add(peak - before);
            }

            // The first 20 MiB run includes warm-up (JIT, connection); the verdict compares the later runs.
            var steady = peaks.Skip(1).ToList();
            Console.WriteLine($"download.peak_independent_of_size: max {steady.Max() / 1024} KiB, min {steady.Min() / 1024} KiB over 200 MiB, 1,000 MiB, 20 MiB");
            return 0;
        }
        finally
        {
            await BenchEnvironment.StopEmulatorProcessAsync(server);
        }
    }

    /// <summary>Bytes read by each probe of the 100 MiB moov-at-end file, against the goal (moov + 64 KiB).</summary>
    public static async Task<int> ProbeAsync()
    {
        var path = Path.Combine(BenchEnvironment.WorkDirectory, "moov-last-100mib.mp4");
        var (_, moovBytes) = Mp4Builder.BuildMoovLast(path, ProbeBenchmarks.FileBytes);
        var result = await ProbeBenchmarks.Probe(path);
        using var counted = new ReadCountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess));
        var directories = QuickTimeMetadataReader.ReadMetadata(counted);
        var goal = moovBytes + (64 * 1024);
        Console.WriteLine($"probe.file_bytes: {new FileInfo(path).Length}");
        Console.WriteLine($"probe.moov_bytes: {moovBytes}");
        Console.WriteLine($"probe.sdk.bytes_read: {result.BytesRead} (goal <= {goal}: {(result.BytesRead <= goal ? "met" : "MISSED")})");
        Console.WriteLine($"probe.sdk.facts: {result.Facts.Format} {result.Facts.Width}x{result.Facts.Height} {result.Facts.Duration?.TotalSeconds.ToString("0.###", Inv)} s problem={result.Facts.Problem ?? "none"}");
        Console.WriteLine($"probe.metadataextractor.bytes_read: {counted.BytesRead} ({directories.Count} directories)");
        return 0;
    }

    /// <summary>
    /// 1,000 concurrent Kling waits on an emulator in a separate process (so only the client is measured), each job
    /// succeeding on its 20th poll: working set above idle, threads, lost results.
    /// </summary>
    public static async Task<int> WaitsAsync(int jobs = 1000, int pollsPerJob = 20)
    {
        var (server, baseAddress) = await BenchEnvironment.StartEmulatorProcessAsync(pollsPerJob);
        try
        {
            var waitOptions = new MotionControlWaitOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(100),
                MaxPollInterval = TimeSpan.FromMilliseconds(250),
                BackoffFactor = 1.5,
                Jitter = 0.1,
                Timeout = TimeSpan.FromMinutes(5),

                // The jobs end on a poll count, not a time: stretching sleeps towards an expected duration would only slow them.
                ExpectedDuration = TimeSpan.Zero,
            };
            // Kling: no progress/eta hint, so the schedule is the plain back-off. (Vydra's progress hint is extrapolated over
            // time, and the emulator's poll-counted phases raise progress per poll, not per second: the two do not mix.)
            var credentials = BenchEnvironment.Credentials;
            using var client = new KlingClient(new KlingOptions { BaseAddress = baseAddress, AccessKey = credentials.KlingAccessKey, SecretKey = credentials.KlingSecretKey, WaitOptions = waitOptions });
            var request = new MotionControlRequest
            {
                Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
                Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
                Prompt = "a dancer on a rooftop",
            };

            // Warm: one whole job, so JIT and the connection pool are not counted as the waits' cost.
            var warm = await client.SubmitAsync(request);
            var started = Stopwatch.StartNew();
            await client.WaitForCompletionAsync(warm.Id, waitOptions with { Progress = Environment.GetEnvironmentVariable("MC_BENCH_DEBUG") is null ? null : new SyncProgress(t => Console.WriteLine($"{started.ElapsedMilliseconds} ms {t.Status} {t.Progress}")) });

            var self = Process.GetCurrentProcess();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            self.Refresh();
            var idleWorkingSet = self.WorkingSet64;
            var idleThreads = self.Threads.Count;

            var ids = new string[jobs];
            var submitWatch = Stopwatch.StartNew();
            await Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
                ids[i] = (await client.SubmitAsync(request, token)).Id);
            submitWatch.Stop();

            long peakWorkingSet = 0;
            var peakThreads = 0;
            var peakPoolThreads = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    self.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, self.WorkingSet64);
                    peakThreads = Math.Max(peakThreads, self.Threads.Count);
                    peakPoolThreads = Math.Max(peakPoolThreads, ThreadPool.ThreadCount);
                    await Task.Delay(50);
                }
            });

            var waitWatch = Stopwatch.StartNew();
            var results = await Task.WhenAll(ids.Select(async id =>
            {
                try
                {
                    var task = await client.WaitForCompletionAsync(id);
                    return task.Status == MotionControlTaskStatus.Succeeded && task.Videos.Count > 0 ? 1 : 0;
                }
                catch (MotionControlException ex)
                {
                    Console.Error.WriteLine($"wait {id}: {ex.GetType().Name}: {ex.Message}");
                    return 0;
                }
            }));
            waitWatch.Stop();
            await sampling.CancelAsync();
            await sampler;

            var succeeded = results.Sum();
            var growthMb = (peakWorkingSet - idleWorkingSet) / (1024.0 * 1024.0);
            Console.WriteLine($"waits.jobs: {jobs}, polls per job: {pollsPerJob}");
            Console.WriteLine($"waits.submit_seconds: {submitWatch.Elapsed.TotalSeconds.ToString("0.00", Inv)}");
            Console.WriteLine($"waits.wait_seconds: {waitWatch.Elapsed.TotalSeconds.ToString("0.00", Inv)}");
            Console.WriteLine($"waits.idle_working_set_mb: {(idleWorkingSet / (1024.0 * 1024.0)).ToString("0.0", Inv)}");
            Console.WriteLine($"waits.peak_working_set_mb: {(peakWorkingSet / (1024.0 * 1024.0)).ToString("0.0", Inv)}");
            Console.WriteLine($"waits.growth_mb: {growthMb.ToString("0.0", Inv)} (goal < 64: {(growthMb < 64 ? "met" : "MISSED")})");
            Console.WriteLine($"waits.threads: idle {idleThreads}, peak {peakThreads}, thread-pool peak {peakPoolThreads} (goal: far below one per wait: {(peakThreads < jobs / 10 ? "met" : "MISSED")})");
            Console.WriteLine($"waits.lost_results: {jobs - succeeded} (goal 0: {(succeeded == jobs ? "met" : "MISSED")})");
            return 0;
        }
        finally
        {
            await BenchEnvironment.StopEmulatorProcessAsync(server);
        }
    }

    /// <summary>
    /// Polls and detection delay for a job that takes 5 minutes on the vendor side, on a manual clock: the SDK's default
    /// wait (Vydra with progress, ModelsLab with eta, Kling with no hint) against a fixed 10 s interval.
    /// </summary>
    public static async Task<int> PollsAsync(int trials = 3)
    {
        var job = TimeSpan.FromMinutes(5);
        Console.WriteLine("polls: job of 5 min (one timed processing phase); default MotionControlWaitOptions (2 s, x1.5, 10 s cap, 10 % jitter)");
        foreach (var (name, provider, fixedInterval) in new[]
        {
            ("Vydra (progress)", EmulatorProviders.Vydra, false),
            ("ModelsLab (eta)", EmulatorProviders.ModelsLab, false),
            ("Kling (no hint)", EmulatorProviders.Kling, false),
            ("fixed 10 s interval (Kling get)", EmulatorProviders.Kling, true),
        })
        {
            var polls = new List<int>();
            var delays = new List<double>();
            for (var trial = 0; trial < trials; trial++)
            {
                var (count, delay) = await OneJobAsync(provider, job, fixedInterval);
                polls.Add(count);
                delays.Add(delay.TotalSeconds);
            }

            Console.WriteLine($"polls.{name}: polls {string.Join("/", polls)} (max {polls.Max()}), detection delay s {string.Join("/", delays.Select(d => d.ToString("0.0", Inv)))} (max {delays.Max().ToString("0.0", Inv)})"
                + (fixedInterval ? string.Empty : $" goal <=12 polls and <=10 s: {(polls.Max() <= 12 && delays.Max() <= 10 ? "met" : "MISSED")}"));
        }

        return 0;
    }

    private static async Task<(int Polls, TimeSpan DetectionDelay)> OneJobAsync(string provider, TimeSpan job, bool fixedInterval)
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            TimeProvider = clock,
            DefaultLifecycle = new TaskLifecycle().Processing(job).Succeeds(),
        });
        var c = emulator.Credentials;
        using MotionControlClient client = provider switch
        {
            EmulatorProviders.Vydra => new VydraClient(new VydraOptions { BaseAddress = emulator.BaseAddress, ApiKey = c.VydraApiKey, TimeProvider = clock }),
            EmulatorProviders.ModelsLab => new ModelsLabClient(new ModelsLabOptions { BaseAddress = emulator.BaseAddress, ApiKey = c.ModelsLabApiKey, TimeProvider = clock }),
            _ => new KlingClient(new KlingOptions { BaseAddress = emulator.BaseAddress, AccessKey = c.KlingAccessKey, SecretKey = c.KlingSecretKey, TimeProvider = clock }),
        };
        var submitted = await client.SubmitAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            Prompt = "a dancer on a rooftop",
        });
        var finishesAt = clock.GetUtcNow() + job;
        var wait = fixedInterval ? FixedIntervalAsync(client, submitted.Id, clock) : client.WaitForCompletionAsync(submitted.Id);

        // Drive the clock in 250 ms steps, giving the loopback calls real time to land between steps.
        var step = TimeSpan.FromMilliseconds(250);
        while (!wait.IsCompleted)
        {
            if (clock.GetUtcNow() > finishesAt + TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{provider}: the wait did not end 5 min after the job");
            }

            var requests = emulator.Requests.Count;
            await Task.Delay(1);
            for (var spins = 0; spins < 50 && !wait.IsCompleted && emulator.Requests.Count != requests; spins++)
            {
                requests = emulator.Requests.Count;
                await Task.Delay(2);
            }

            clock.Advance(step);
        }

        await wait;
        var reads = emulator.Requests.Where(r => r.Provider == provider && r.Operation is EmulatorOperation.Get or EmulatorOperation.Fetch).ToList();
        return (reads.Count, reads[^1].Timestamp - finishesAt);
    }

    private static async Task<MotionControlTask> FixedIntervalAsync(MotionControlClient client, string id, TimeProvider clock)
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock);
            var task = await client.GetTaskAsync(id);
            if (task.IsTerminal)
            {
                return task;
            }
        }
    }

    private sealed class SyncProgress(Action<MotionControlTask> report) : IProgress<MotionControlTask>
    {
        public void Report(MotionControlTask value) => report(value);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
