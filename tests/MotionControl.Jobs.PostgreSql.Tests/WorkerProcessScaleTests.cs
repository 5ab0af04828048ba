using MotionControl.Jobs.PostgreSql.Tests.Servers;
using MotionControl.Jobs.TestWorkers;
using Npgsql;
using Xunit.Abstractions;

namespace MotionControl.Jobs.PostgreSql.Tests;

/// <summary>
/// The scale scenario (<see cref="JobScaleScenario"/>) on PostgreSQL: four worker processes on one schema, the last one
/// killed with SIGKILL mid-run; the other three take over its leased jobs (FOR UPDATE SKIP LOCKED claims) once its 2 s
/// leases expire, and the concurrency slots stay shared through the store.
/// </summary>
public sealed class WorkerProcessScaleTests(PostgreSqlFixture postgres, ITestOutputHelper output) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task Four_worker_processes_on_PostgreSQL_run_400_jobs_once_within_the_limit_and_take_over_a_killed_workers_leases()
    {
        var schema = StoreBed.NewSchema();

        var outcome = await JobScaleScenario.RunAsync(
            o => o.UsePostgreSql(postgres.ConnectionString, s => s.SchemaName = schema),
            ["--postgres", postgres.ConnectionString, "--schema", schema],
            workers: 4,
            worker => UnfinishedLeasedByAsync(schema, worker),
            output);

        Assert.NotEmpty(outcome.TakenOver);
    }

    private async Task<IReadOnlyList<string>> UnfinishedLeasedByAsync(string schema, string worker)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT id FROM {schema}.jobs WHERE lease_owner = @worker AND state IN (0, 1, 2)");
        command.Parameters.AddWithValue("worker", worker);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
