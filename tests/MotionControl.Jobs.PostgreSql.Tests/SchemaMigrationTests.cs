using MotionControl.Jobs.PostgreSql.Tests.Servers;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests;

public sealed class SchemaMigrationTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task An_empty_database_is_migrated_to_version_1_and_a_rerun_at_that_version_applies_nothing()
    {
        var schema = StoreBed.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);

        Assert.Equal([1], await PostgreSqlSchema.EnsureAsync(dataSource, schema, CancellationToken.None));
        Assert.Empty(await PostgreSqlSchema.EnsureAsync(dataSource, schema, CancellationToken.None));

        await using var command = dataSource.CreateCommand(
            $"SELECT array_agg(version ORDER BY version), (SELECT array_agg(table_name::text ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{schema}') FROM \"{schema}\".motioncontrol_jobs_schema");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal([1], reader.GetFieldValue<int[]>(0));
        Assert.Equal(["governor", "jobs", "motioncontrol_jobs_schema"], reader.GetFieldValue<string[]>(1));
    }

    [Fact]
    public async Task Several_processes_migrating_at_once_apply_each_version_exactly_once()
    {
        // Separate data sources without pooling: six server sessions, as six worker processes starting together would be.
        var schema = StoreBed.NewSchema();
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(postgres.ConnectionString + ";Pooling=false")).ToArray();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s => Task.Run(async () => await PostgreSqlSchema.EnsureAsync(s, schema, CancellationToken.None))));

            Assert.Equal([1], applied.SelectMany(a => a).ToArray());
            await using var count = sources[0].CreateCommand($"SELECT COUNT(*) FROM \"{schema}\".motioncontrol_jobs_schema");
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_schema_newer_than_the_package_is_refused_with_its_version()
    {
        var schema = StoreBed.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await PostgreSqlSchema.EnsureAsync(dataSource, schema, CancellationToken.None);
        await using (var newer = dataSource.CreateCommand($"INSERT INTO \"{schema}\".motioncontrol_jobs_schema (version) VALUES (99)"))
        {
            await newer.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await PostgreSqlSchema.EnsureAsync(dataSource, schema, CancellationToken.None));
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public async Task Two_schemas_in_one_database_are_two_separate_queues()
    {
        await using var first = await StoreBed.CreateAsync(postgres.ConnectionString);
        await using var second = await StoreBed.CreateAsync(postgres.ConnectionString);
        await first.InsertOrGetAsync(StoreBed.Job(), CancellationToken.None);

        Assert.Single(await first.ListAsync(new Storage.JobListQuery(), CancellationToken.None));
        Assert.Empty(await second.ListAsync(new Storage.JobListQuery(), CancellationToken.None));
    }
}
