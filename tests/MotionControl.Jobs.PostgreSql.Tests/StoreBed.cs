using MotionControl.Jobs.Storage;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests;

/// <summary>A store on its own fresh schema of the fixture's database, migrated; and jobs to put in it.</summary>
internal static class StoreBed
{
    /// <summary>A time with PostgreSQL's precision (microseconds), so values read back compare equal.</summary>
    public static DateTimeOffset T0 { get; } = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<PostgreSqlJobStore> CreateAsync(string connectionString, string? schema = null)
    {
        var store = new PostgreSqlJobStore(new NpgsqlSlimDataSourceBuilder(connectionString).Build(), ownsDataSource: true, schema ?? NewSchema());
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    public static JobRecord Job(string? key = null, string provider = "kling", DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        Provider = provider,
        RequestJson = """{"prompt":"dance"}""",
        State = MotionControlJobState.Pending,
        NotBefore = createdAt ?? T0,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
    };

    public static JobClaimRequest Claim(string worker, DateTimeOffset now, int max = 10, TimeSpan? lease = null) => new()
    {
        WorkerId = worker,
        Now = now,
        LeaseExpiresAt = now + (lease ?? TimeSpan.FromSeconds(2)),
        MaxJobs = max,
    };
}
