using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionControl.DependencyInjection;
using MotionControl.Jobs;
using MotionControl.Jobs.PostgreSql.Tests.Servers;
using Npgsql;

namespace MotionControl.Benchmarks;

/// <summary>
/// The job queue's cost (issue: "2,000 jobs on 4 workers, enqueue-to-submit latency and store overhead per job"): 2,000
/// jobs (1,000 Kling, 1,000 Vydra, URL media) through 4 worker hosts in this process on one store, enqueued by a fifth,
/// enqueue-only host; against the same 2,000 submit + wait lifecycles run straight through <see cref="IMotionControlClient"/>
/// (no queue, no store) with the same concurrency per vendor, in the same run, on the same emulator. The emulator runs in
/// another process (<c>--serve-emulator</c>), so this process's CPU time is the client's and the queue's alone; the
/// PostgreSQL server's CPU time is read from <c>/proc</c> and reported beside it.
/// </summary>
internal static class JobScenarios
{
    private const int Jobs = 2000;
    private const int Workers = 4;
    private const int WarmUpJobs = 100;
    private const int Enqueuers = 8;
    private const int SingleJobs = 20;

    /// <summary>Each emulated task succeeds on its 3rd poll (queued, processing, succeeded).</summary>
    private const int PollsPerJob = 3;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The workers' store poll: the enqueue-only host cannot wake the workers' hosts, so they find new jobs by polling.</summary>
    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(50);

    private static readonly MotionControlWaitOptions Wait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static readonly string[] Vendors = ["kling", "vydra"];

    public static async Task<int> RunAsync(int[] limits)
    {
        var (server, baseAddress) = await BenchEnvironment.StartEmulatorProcessAsync(PollsPerJob);
        var emulator = await EmulatorProcess.AttachAsync(server);
        try
        {
            await using var cluster = await PostgreSqlCluster.StartAsync();
            var postgres = await PostgresCpu.FindAsync(cluster.AdminConnectionString);
            var work = Directory.CreateTempSubdirectory("mc-bench-jobs-").FullName;
            var code = 0;
            var run = 0;
            try
            {
                Console.WriteLine($"jobs.setup: {Jobs} jobs ({Jobs / 2} Kling, {Jobs / 2} Vydra, URL media), {Workers} worker hosts + 1 enqueue-only host in this process, " +
                    $"{Enqueuers} concurrent enqueuers, store poll {QueuePoll.TotalMilliseconds.ToString(Inv)} ms, waits every 10-20 ms, tasks succeed on poll {PollsPerJob}, emulator in another process");
                Console.WriteLine($"jobs.machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");

                // Warm-up (JIT, tiering, connections), not reported: a short run of each kind.
                code |= (await BaselineAsync(baseAddress, emulator, WarmUpJobs, 64)).Code;
                code |= (await JobsAsync(baseAddress, emulator, SqliteStore(work, ++run), null, WarmUpJobs, 64)).Code;
                code |= (await JobsAsync(baseAddress, emulator, PostgresStore(cluster, ++run), postgres, WarmUpJobs, 64)).Code;

                foreach (var limit in limits)
                {
                    var before = await BaselineAsync(baseAddress, emulator, Jobs, limit);
                    var sqlite = await JobsAsync(baseAddress, emulator, SqliteStore(work, ++run), null, Jobs, limit);
                    var pg = await JobsAsync(baseAddress, emulator, PostgresStore(cluster, ++run), postgres, Jobs, limit);
                    var after = await BaselineAsync(baseAddress, emulator, Jobs, limit);
                    code |= before.Code | sqlite.Code | pg.Code | after.Code;

                    var prefix = FormattableString.Invariant($"jobs.limit{limit}");
                    Print(prefix + ".baseline", before);
                    Print(prefix + ".baseline_again", after);
                    var baseline = new Measured(0, (before.WallSeconds + after.WallSeconds) / 2, (before.CpuMsPerJob + after.CpuMsPerJob) / 2, (before.EmulatorCpuMsPerJob + after.EmulatorCpuMsPerJob) / 2, 0, null);
                    Console.WriteLine($"{prefix}.baseline_mean: wall {baseline.WallSeconds.ToString("0.00", Inv)} s, cpu/job {baseline.CpuMsPerJob.ToString("0.000", Inv)} ms");
                    foreach (var (name, m) in new[] { ("sqlite", sqlite), ("postgresql", pg) })
                    {
                        Print($"{prefix}.{name}", m);
                        var overhead = m.CpuMsPerJob - baseline.CpuMsPerJob;
                        Console.WriteLine($"{prefix}.{name}.store_overhead_per_job: +{overhead.ToString("0.000", Inv)} ms CPU in this process" +
                            (m.ServerCpuMsPerJob is { } s ? $", +{s.ToString("0.000", Inv)} ms in the PostgreSQL server, +{(overhead + s).ToString("0.000", Inv)} ms together" : string.Empty));
                        Console.WriteLine($"{prefix}.{name}.ratio_to_baseline: cpu/job {(m.CpuMsPerJob / baseline.CpuMsPerJob).ToString("0.00", Inv)}x" +
                            (m.ServerCpuMsPerJob is { } t ? $" ({((m.CpuMsPerJob + t) / baseline.CpuMsPerJob).ToString("0.00", Inv)}x with the server's)" : string.Empty) +
                            $", wall {(m.WallSeconds / baseline.WallSeconds).ToString("0.00", Inv)}x");
                    }
                }

                Console.WriteLine($"jobs.load_average_after: {LoadAverage()}");
                Console.WriteLine($"jobs.verdict: {(code == 0 ? "every job succeeded, each task created once" : "FAILED (see above)")}");
                return code;
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
        finally
        {
            await BenchEnvironment.StopEmulatorProcessAsync(server);
        }
    }

    private sealed record Measured(int Code, double WallSeconds, double CpuMsPerJob, double EmulatorCpuMsPerJob, double EnqueuePerSecond, double? ServerCpuMsPerJob)
    {
        public string? Latency { get; init; }

        public string? Running { get; init; }

        public string? SingleLatency { get; init; }

        public long Claims { get; init; }

        public long Refusals { get; init; }

        public double? ServerTransactionsPerJob { get; init; }

        public int Attempts { get; init; }
    }

    private sealed record Store(string Name, Action<MotionControlJobOptions> Use);

    private static Store SqliteStore(string work, int run) =>
        new("sqlite", o => o.UseSqlite($"Data Source={Path.Combine(work, FormattableString.Invariant($"jobs-{run}.db"))}"));

    private static Store PostgresStore(PostgreSqlCluster cluster, int run)
    {
        // A fresh schema per run, Npgsql's default pool (100 a host): a worker uses at most about 66 connections (64 jobs,
        // its claim and lease loop), so 4 workers and the enqueue host stay within the cluster's 300.
        var connectionString = cluster.AdminConnectionString;
        var schema = FormattableString.Invariant($"bench_jobs_{run}");
        return new("postgresql", o => o.UsePostgreSql(connectionString, s => s.SchemaName = schema));
    }

    private static void Print(string prefix, Measured m)
    {
        Console.WriteLine($"{prefix}.wall_seconds: {m.WallSeconds.ToString("0.00", Inv)}");
        Console.WriteLine($"{prefix}.cpu_ms_per_job: {m.CpuMsPerJob.ToString("0.000", Inv)} (this process)");
        Console.WriteLine($"{prefix}.emulator_cpu_ms_per_job: {m.EmulatorCpuMsPerJob.ToString("0.000", Inv)} (the emulator process)");
        Console.WriteLine($"{prefix}.jobs_per_second: {(Jobs / m.WallSeconds).ToString("0", Inv)}");
        if (m.ServerCpuMsPerJob is { } server)
        {
            Console.WriteLine($"{prefix}.postgresql_server_cpu_ms_per_job: {server.ToString("0.000", Inv)}");
        }

        if (m.ServerTransactionsPerJob is { } transactions)
        {
            Console.WriteLine($"{prefix}.postgresql_transactions_per_job: {transactions.ToString("0.0", Inv)} (pg_stat_database.xact_commit + xact_rollback, the run's own)");
        }

        if (m.Latency is { } latency)
        {
            Console.WriteLine($"{prefix}.enqueue_per_second: {m.EnqueuePerSecond.ToString("0", Inv)}");
            Console.WriteLine($"{prefix}.enqueue_to_submit_ms: {latency}");
            Console.WriteLine($"{prefix}.enqueue_to_submit_ms_one_at_a_time: {m.SingleLatency} ({SingleJobs} jobs enqueued one by one on the idle queue first)");
            Console.WriteLine($"{prefix}.submit_to_complete_ms: {m.Running}");
            Console.WriteLine($"{prefix}.creates_sent: {m.Attempts}, claims: {m.Claims}, governor refusals: {m.Refusals}");
        }
    }

    /// <summary>The same lifecycles without the queue: submit, then wait, <paramref name="limit"/> at a time per vendor.</summary>
    private static async Task<Measured> BaselineAsync(Uri baseAddress, EmulatorProcess emulator, int jobs, int limit)
    {
        using var host = Build(baseAddress, configureJobs: null);
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IMotionControlClientFactory>();
        var created = await emulator.CreatedAsync();
        var snapshot = Snapshot.Take(emulator, null);
        var wall = Stopwatch.StartNew();
        var succeeded = 0;
        await Task.WhenAll(Vendors.Select(vendor => Parallel.ForAsync(0, jobs / Vendors.Length, new ParallelOptions { MaxDegreeOfParallelism = limit }, async (_, token) =>
        {
            var client = factory.GetClient(vendor);
            var task = await client.SubmitAsync(Request(vendor), token);
            var done = await client.WaitForCompletionAsync(task.Id, Wait, token);
            if (done.Status == MotionControlTaskStatus.Succeeded)
            {
                Interlocked.Increment(ref succeeded);
            }
        })));
        wall.Stop();
        var (cpu, emulatorCpu, _) = snapshot.Elapsed(emulator, null);
        var createdDelta = await emulator.CreatedAsync() - created;
        await host.StopAsync();

        var code = 0;
        if (succeeded != jobs || createdDelta != jobs)
        {
            Console.Error.WriteLine($"jobs.baseline: {succeeded} of {jobs} succeeded, {createdDelta} tasks created");
            code = 1;
        }

        return new Measured(code, wall.Elapsed.TotalSeconds, cpu / jobs, emulatorCpu / jobs, 0, null);
    }

    private static async Task<Measured> JobsAsync(Uri baseAddress, EmulatorProcess emulator, Store store, PostgresCpu? server, int jobs, int limit)
    {
        void Configure(MotionControlJobOptions o, int worker)
        {
            store.Use(o);
            o.RunWorker = worker >= 0;
            o.WorkerId = worker >= 0 ? FormattableString.Invariant($"bench-worker-{worker}") : "bench-enqueue";
            o.PollInterval = QueuePoll;
            o.LeaseDuration = TimeSpan.FromSeconds(30);
            o.DefaultMaxConcurrentTasks = limit;
            foreach (var vendor in Vendors)
            {
                o.MaxConcurrentTasks[vendor] = limit;
            }

            o.WaitOptions = Wait;
        }

        async Task<(IHost Enqueue, List<IHost> Workers)> StartHostsAsync()
        {
            var enqueue = Build(baseAddress, o => Configure(o, -1));
            await enqueue.StartAsync();

            // Creates the store's schema (once) before the workers start, so they start on a ready store.
            _ = await enqueue.Services.GetRequiredService<IMotionControlJobQueue>().GetAsync(new string('0', 32));
            var started = Enumerable.Range(0, Workers).Select(i => Build(baseAddress, o => Configure(o, i))).ToList();
            foreach (var worker in started)
            {
                await worker.StartAsync();
            }

            return (enqueue, started);
        }

        static async Task StopHostsAsync(IEnumerable<IHost> hosts)
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }

        // The queue's own latency, without a backlog: one job at a time on idle workers, before the measured window and on
        // hosts of their own. Disposing those hosts disposes their stores' data sources, which closes every connection;
        // PostgreSQL's backends report their statistics when they exit (a live one can hold them for up to ten seconds),
        // so once they are gone the single jobs' transactions are all counted before the window opens.
        var run = Guid.NewGuid().ToString("N")[..8];
        var (singleEnqueueHost, singleWorkers) = await StartHostsAsync();
        using var singleTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var singleFailed = 0;
        var single = new List<double>();
        var singleQueue = singleEnqueueHost.Services.GetRequiredService<IMotionControlJobQueue>();
        for (var i = 0; i < SingleJobs; i++)
        {
            var vendor = Vendors[i % Vendors.Length];
            var job = await singleQueue.EnqueueAsync(new MotionControlJobRequest { Provider = vendor, Request = Request(vendor), IdempotencyKey = FormattableString.Invariant($"{run}-single-{i}") }, singleTimeout.Token);
            while (!job.IsTerminal)
            {
                await Task.Delay(5, singleTimeout.Token);
                job = await singleQueue.GetAsync(job.Id, singleTimeout.Token) ?? throw new InvalidOperationException($"job {job.Id} is lost");
            }

            if (job.State != MotionControlJobState.Succeeded || job.SubmittedAt is null)
            {
                Console.Error.WriteLine($"jobs.{store.Name}: single job {job}");
                singleFailed++;
                continue;
            }

            single.Add((job.SubmittedAt.Value - job.CreatedAt).TotalMilliseconds);
        }

        single.Sort();
        await StopHostsAsync([.. singleWorkers, singleEnqueueHost]);
        if (server is not null)
        {
            await server.WaitForBackendsToExitAsync();
        }

        // The measured run's hosts: they open their connections inside the window.
        var (enqueueHost, workers) = await StartHostsAsync();
        var queue = enqueueHost.Services.GetRequiredService<IMotionControlJobQueue>();

        long claims = 0, refusals = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "motioncontrol.jobs.claims" or "motioncontrol.jobs.governor.refusals")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "motioncontrol.jobs.claims")
            {
                Interlocked.Add(ref claims, value);
            }
            else
            {
                Interlocked.Add(ref refusals, value);
            }
        });
        meters.Start();

        var created = await emulator.CreatedAsync();
        var transactions = server is null ? 0 : await server.TransactionsAsync();
        var snapshot = Snapshot.Take(emulator, server);
        var wall = Stopwatch.StartNew();
        var ids = new string[jobs];
        await Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = Enqueuers }, async (i, token) =>
        {
            var vendor = Vendors[i % Vendors.Length];
            ids[i] = (await queue.EnqueueAsync(new MotionControlJobRequest { Provider = vendor, Request = Request(vendor), IdempotencyKey = FormattableString.Invariant($"{run}-{i}") }, token)).Id;
        });
        var enqueueSeconds = wall.Elapsed.TotalSeconds;

        // Waits for the end the way a caller that polls would, cheaply: one job at a time, in enqueue order.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var lost = 0;
        foreach (var id in ids)
        {
            while (true)
            {
                var job = await queue.GetAsync(id, timeout.Token);
                if (job is null)
                {
                    lost++;
                    break;
                }

                if (job.IsTerminal)
                {
                    break;
                }

                await Task.Delay(20, timeout.Token);
            }
        }

        wall.Stop();
        var (cpu, emulatorCpu, serverCpu) = snapshot.Elapsed(emulator, server);
        var createdDelta = await emulator.CreatedAsync() - created;
        meters.Dispose();
        await StopHostsAsync(workers);

        var finished = new List<MotionControlJob>(jobs);
        foreach (var id in ids)
        {
            if (await queue.GetAsync(id) is { } job)
            {
                finished.Add(job);
            }
        }

        await StopHostsAsync([enqueueHost]);
        long transactionsDelta = 0;
        if (server is not null)
        {
            // Backends report their statistics late, at once when they exit: with every host disposed, wait until they
            // have, then count, less the final read pass above (one transaction per job) and the workers' lease releases
            // at stop.
            await server.WaitForBackendsToExitAsync();
            transactionsDelta = await server.TransactionsAsync() - transactions - jobs - Workers;
        }

        var latencies = finished.Where(j => j.SubmittedAt is not null).Select(j => (j.SubmittedAt!.Value - j.CreatedAt).TotalMilliseconds).Order().ToArray();
        var succeeded = finished.Count(j => j.State == MotionControlJobState.Succeeded);
        var distinctTasks = finished.Where(j => j.Task is not null).Select(j => j.Provider + "/" + j.Task!.Id).Distinct(StringComparer.Ordinal).Count();
        var code = 0;
        if (lost != 0 || singleFailed != 0 || succeeded != jobs || createdDelta != jobs || distinctTasks != jobs)
        {
            Console.Error.WriteLine($"jobs.{store.Name}: {lost} lost, {singleFailed} of the single jobs failed, {succeeded} of {jobs} succeeded, {distinctTasks} distinct tasks, {createdDelta} tasks created");
            foreach (var failed in finished.Where(j => j.State != MotionControlJobState.Succeeded).Take(5))
            {
                Console.Error.WriteLine($"  {failed}");
            }

            code = 1;
        }

        var running = finished.Where(j => j.SubmittedAt is not null && j.CompletedAt is not null).Select(j => (j.CompletedAt!.Value - j.SubmittedAt!.Value).TotalMilliseconds).Order().ToArray();
        return new Measured(code, wall.Elapsed.TotalSeconds, cpu / jobs, emulatorCpu / jobs, jobs / enqueueSeconds, server is null ? null : serverCpu / jobs)
        {
            Latency = Quantiles(latencies),
            SingleLatency = Quantiles([.. single]),
            Running = Quantiles(running),
            Attempts = finished.Sum(j => j.Attempts),
            Claims = Interlocked.Read(ref claims),
            Refusals = Interlocked.Read(ref refusals),
            ServerTransactionsPerJob = server is null ? null : (double)transactionsDelta / jobs,
        };
    }

    private static string Quantiles(double[] sorted) => sorted.Length == 0
        ? "none"
        : $"p50 {Percentile(sorted, 0.50).ToString("0", Inv)}, p95 {Percentile(sorted, 0.95).ToString("0", Inv)}, max {sorted[^1].ToString("0", Inv)}";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static IHost Build(Uri baseAddress, Action<MotionControlJobOptions>? configureJobs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var credentials = BenchEnvironment.Credentials;
        var motion = builder.Services.AddMotionControl()
            .AddKling(o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = credentials.KlingApiKey;
                o.WaitOptions = Wait;
            })
            .AddVydra(o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = credentials.VydraApiKey;
                o.WaitOptions = Wait;
            });
        if (configureJobs is not null)
        {
            motion.AddJobs(configureJobs);
        }

        return builder.Build();
    }

    private static MotionControlRequest Request(string vendor) => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = vendor == "vydra" ? "a dancer on a rooftop" : null,
    };

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}, {parts[1]}, {parts[2]} (1, 5, 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>CPU times at the start of a measured run: this process, the emulator's, the PostgreSQL server's.</summary>
    private readonly record struct Snapshot(TimeSpan Self, TimeSpan Emulator, TimeSpan Server)
    {
        public static Snapshot Take(EmulatorProcess emulator, PostgresCpu? server) =>
            new(Process.GetCurrentProcess().TotalProcessorTime, emulator.Cpu(), server?.Cpu() ?? TimeSpan.Zero);

        /// <summary>Milliseconds of CPU since the snapshot.</summary>
        public (double Self, double Emulator, double Server) Elapsed(EmulatorProcess emulator, PostgresCpu? server) =>
            ((Process.GetCurrentProcess().TotalProcessorTime - Self).TotalMilliseconds,
             (emulator.Cpu() - Emulator).TotalMilliseconds,
             ((server?.Cpu() ?? TimeSpan.Zero) - Server).TotalMilliseconds);
    }

    /// <summary>The <c>--serve-emulator</c> process: its CPU time, and its count of created tasks (the <c>created</c> command).</summary>
    private sealed class EmulatorProcess
    {
        private readonly Process _process;
        private readonly SemaphoreSlim _lock = new(1, 1);

        private EmulatorProcess(Process process) => _process = process;

        public static async Task<EmulatorProcess> AttachAsync(Process process)
        {
            // The serve mode prints the address (already read), the keys, then "ready".
            while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready")
            {
            }

            return new EmulatorProcess(process);
        }

        public TimeSpan Cpu()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        /// <summary>Tasks created so far, all providers together.</summary>
        public async Task<int> CreatedAsync()
        {
            await _lock.WaitAsync();
            try
            {
                await _process.StandardInput.WriteLineAsync("created");
                await _process.StandardInput.FlushAsync();
                var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the emulator process closed its output");
                return int.Parse(line.Trim(), Inv);
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    /// <summary>
    /// The PostgreSQL server's CPU time from <c>/proc</c>: the postmaster and its live children (backends, background
    /// workers), plus the children it has already reaped.
    /// </summary>
    private sealed class PostgresCpu
    {
        private const double TicksPerSecond = 100; // USER_HZ on Linux
        private readonly int _postmaster;
        private readonly string _connectionString;

        private PostgresCpu(int postmaster, string connectionString)
        {
            _postmaster = postmaster;
            _connectionString = connectionString;
        }

        public static async Task<PostgresCpu> FindAsync(string adminConnectionString)
        {
            await using var connection = new NpgsqlConnection(adminConnectionString + ";Pooling=false"); // no idle backend left behind
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW data_directory", connection);
            var dataDirectory = (string)(await command.ExecuteScalarAsync())!;
            var pid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim(), Inv);
            return new PostgresCpu(pid, adminConnectionString);
        }

        /// <summary>Transactions committed and rolled back so far in the database (the statistics collector's view, flushed every second or so).</summary>
        public async Task<long> TransactionsAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using (var flush = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
            {
                await flush.ExecuteNonQueryAsync();
            }

            await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), Inv);
        }

        /// <summary>
        /// Waits until no backend but this check's own is connected to the database, so every count is in
        /// pg_stat_database: PostgreSQL 15 flushes a live backend's statistics at most once a second, and an idle one's
        /// up to ten seconds later, but at once when it exits. The caller has closed its connections (disposed the
        /// hosts, and so their stores' data sources); one still open after 30 seconds is a bug in the run, reported with
        /// what it is doing.
        /// </summary>
        public async Task WaitForBackendsToExitAsync()
        {
            var deadline = Stopwatch.StartNew();
            while (await BackendsAsync() is { Count: > 0 } left)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"{left.Count} PostgreSQL backends are still connected 30 s after their hosts were disposed: {string.Join("; ", left.Take(5))}");
                }

                await Task.Delay(10);
            }
        }

        private async Task<List<string>> BackendsAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT pid, state, left(query, 80) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
                connection);
            var backends = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                backends.Add(FormattableString.Invariant($"pid {reader.GetInt32(0)} {(reader.IsDBNull(1) ? "?" : reader.GetString(1))}: {(reader.IsDBNull(2) ? string.Empty : reader.GetString(2))}"));
            }

            return backends;
        }

        public TimeSpan Cpu()
        {
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, Inv, out var pid))
                {
                    continue;
                }

                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(dir, "stat"));
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                // Fields after the parenthesized command name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1], Inv);
                if (pid == _postmaster)
                {
                    ticks += long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv) + long.Parse(fields[13], Inv) + long.Parse(fields[14], Inv);
                }
                else if (ppid == _postmaster)
                {
                    ticks += long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv);
                }
            }

            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
    }
}
