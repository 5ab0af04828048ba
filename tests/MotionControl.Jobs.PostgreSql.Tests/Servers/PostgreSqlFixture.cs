using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests.Servers;

/// <summary>
/// A fresh database for one test class (<c>IClassFixture&lt;PostgreSqlFixture&gt;</c>), dropped at the end. The server is
/// the one <see cref="ServerVariable"/> names (a connection string whose user may create databases), or else a throwaway
/// <see cref="PostgreSqlCluster"/> that the fixtures of this test process share: started by the first, stopped when the
/// last one alive is disposed.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    /// <summary>A connection string to an existing server; when set, no cluster is started.</summary>
    public const string ServerVariable = "MOTIONCONTROL_TEST_POSTGRES";

    private static readonly SemaphoreSlim ClusterLock = new(1, 1);
    private static PostgreSqlCluster? s_cluster;
    private static int s_users;
    private string? _adminConnectionString;
    private string? _database;
    private bool _usesCluster;

    /// <summary>The name of this fixture's database.</summary>
    public string Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A connection string to this fixture's database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = Database }.ConnectionString;

    /// <summary>Whether this fixture started (or shares) the throwaway cluster rather than a configured server.</summary>
    public bool UsesThrowawayCluster => _usesCluster;

    private string Admin => _adminConnectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
        }
        else
        {
            _adminConnectionString = await AcquireClusterAsync();
            _usesCluster = true;
        }

        _database = "mc_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync($"CREATE DATABASE \"{_database}\"");
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        if (_usesCluster)
        {
            await ReleaseClusterAsync();
        }
    }

    /// <summary>Creates one more empty database on the same server (dropped with this fixture's server, or left for the cluster's removal).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "mc_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> AcquireClusterAsync()
    {
        await ClusterLock.WaitAsync();
        try
        {
            s_cluster ??= await PostgreSqlCluster.StartAsync();
            s_users++;
            return s_cluster.AdminConnectionString;
        }
        finally
        {
            ClusterLock.Release();
        }
    }

    private static async Task ReleaseClusterAsync()
    {
        await ClusterLock.WaitAsync();
        try
        {
            if (--s_users == 0 && s_cluster is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await s_cluster.DisposeAsync();
                s_cluster = null;
            }
        }
        finally
        {
            ClusterLock.Release();
        }
    }
}
