using Microsoft.Data.Sqlite;
using MotionControl.Jobs.Sqlite;
using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs;

/// <summary>The job queue's store, worker and concurrency governor (<c>AddJobs(o => ...)</c>).</summary>
public sealed class MotionControlJobOptions
{
    /// <summary>
    /// How many tasks a registration (an account) may hold at once, from submit to the task's end, across every worker
    /// sharing the store; registrations not named here get <see cref="DefaultMaxConcurrentTasks"/>. Pre-built: set
    /// entries (<c>o.MaxConcurrentTasks["kling"] = 8</c>).
    /// </summary>
    public IDictionary<string, int> MaxConcurrentTasks { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The concurrency limit of registrations not in <see cref="MaxConcurrentTasks"/> (default 4; Vydra's smallest plan allows 2).</summary>
    public int DefaultMaxConcurrentTasks { get; set; } = 4;

    /// <summary>How often the worker looks in the store for runnable jobs (default 1 s; an enqueue in the same process wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed job stays leased to its worker without renewal (default 30 s). A worker renews every third of it;
    /// after a crash, another worker takes the job over once the lease expires. Its renewals also read out-of-band task
    /// updates and cancellations.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This worker's id in the store. The default (machine name, process id and a random suffix) is unique per process; a
    /// stable id (one per deployment slot) lets a restarted worker take its previous life's jobs back at once instead of
    /// waiting for their leases to expire. Two running workers must never share an id.
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// How many jobs this worker claims from the queue and runs at once (default 64). A full worker still takes over a dead
    /// worker's in-flight jobs (Submitting, Submitted: they hold the concurrency slots that pending jobs wait for), so for
    /// a while it can run more than this, by at most the in-flight jobs it took over.
    /// </summary>
    public int MaxConcurrentJobs { get; set; } = 64;

    /// <summary>False to enqueue and read jobs in this process without running a worker (default true).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How long a registration's governor goes without a refusal before its limit rises by one again (default 1 minute).</summary>
    public TimeSpan GovernorQuietInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a create refused for concurrency or rate waits before it is sent again, when the vendor names no Retry-After (default 2 s).</summary>
    public TimeSpan RefusedCreateDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The options of the worker's waits on submitted tasks (poll interval, timeout of one wait); null for the client's defaults.</summary>
    public MotionControlWaitOptions? WaitOptions { get; set; }

    internal Func<IServiceProvider, IJobStore>? StoreFactory { get; set; }

    internal string? StoreDescription { get; set; }

    /// <summary>Keeps the journal in a SQLite database (one file, for the workers of one machine).</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=/var/lib/app/jobs.db</c>.</param>
    /// <returns>These options.</returns>
    public MotionControlJobOptions UseSqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        StoreFactory = _ => new SqliteJobStore(connectionString);
        StoreDescription = $"SQLite ({dataSource})";
        return this;
    }

    /// <summary>The limit of a registration.</summary>
    internal int LimitOf(string registration) =>
        MaxConcurrentTasks.TryGetValue(registration, out var limit) ? limit : DefaultMaxConcurrentTasks;

    /// <inheritdoc />
    public override string ToString() => $"MotionControlJobOptions(store: {StoreDescription ?? "none"}, worker: {WorkerId})";
}
