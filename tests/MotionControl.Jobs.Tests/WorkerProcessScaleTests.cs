using Microsoft.Data.Sqlite;
using MotionControl.Jobs.TestWorkers;
using Xunit.Abstractions;

namespace MotionControl.Jobs.Tests;

/// <summary>
/// The scale scenario (<see cref="JobScaleScenario"/>) on the embedded default: one SQLite file and one worker process,
/// killed with SIGKILL mid-run; a replacement worker process takes over its leased jobs once their 2 s leases expire.
/// </summary>
public sealed class WorkerProcessScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task One_worker_process_on_SQLite_runs_400_jobs_once_within_the_limit_and_its_replacement_takes_over_after_a_kill()
    {
        using var db = new TempDatabase();

        var outcome = await JobScaleScenario.RunAsync(
            o => o.UseSqlite(db.ConnectionString),
            ["--sqlite", db.Path],
            workers: 1,
            worker => UnfinishedLeasedByAsync(db.ConnectionString, worker),
            output);

        Assert.Equal(outcome.Orphaned.Count, outcome.TakenOver.Count); // one worker left: it took over every orphan, nothing else
    }

    private static async Task<IReadOnlyList<string>> UnfinishedLeasedByAsync(string connectionString, string worker)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM mc_jobs WHERE lease_owner = @worker AND state IN (0, 1, 2);";
        command.Parameters.AddWithValue("@worker", worker);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
