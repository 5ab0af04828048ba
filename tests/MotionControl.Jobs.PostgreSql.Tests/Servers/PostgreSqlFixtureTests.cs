using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests.Servers;

public sealed class PostgreSqlFixtureTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task The_fixture_database_answers_a_query_round_trip()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE round_trip (id int PRIMARY KEY, name text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO round_trip VALUES (7, 'seven')", connection))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        await using var select = new NpgsqlCommand("SELECT name, current_database(), inet_server_addr()::text FROM round_trip WHERE id = 7", connection);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("seven", reader.GetString(0));
        Assert.Equal(postgres.Database, reader.GetString(1));
        if (postgres.UsesThrowawayCluster)
        {
            // The throwaway cluster listens on the loopback address only.
            Assert.Equal("127.0.0.1/32", reader.GetString(2));
        }
    }

    [Fact]
    public async Task A_throwaway_cluster_is_started_when_no_server_is_configured()
    {
        var configured = Environment.GetEnvironmentVariable(PostgreSqlFixture.ServerVariable);
        Assert.Equal(string.IsNullOrWhiteSpace(configured), postgres.UsesThrowawayCluster);
        if (!postgres.UsesThrowawayCluster)
        {
            return;
        }

        // A second, independent cluster starts beside the shared one (its own port and folder), and is gone once stopped.
        var cluster = await PostgreSqlCluster.StartAsync();
        await using (var connection = new NpgsqlConnection(cluster.AdminConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW fsync", connection);
            Assert.Equal("off", await command.ExecuteScalarAsync());
        }

        await cluster.DisposeAsync();
        await using var stopped = new NpgsqlConnection(cluster.AdminConnectionString + ";Pooling=false;Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => stopped.OpenAsync());
    }
}
