using MotionControl.Jobs.PostgreSql.Tests.Servers;
using MotionControl.Jobs.Storage;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests;

public sealed class UsePostgreSqlTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private const string Password = "s3cret-pg-password-42";

    [Fact]
    public async Task UsePostgreSql_makes_a_store_on_the_named_schema_that_migrates_at_start_up()
    {
        var options = new MotionControlJobOptions().UsePostgreSql(postgres.ConnectionString, s => s.SchemaName = "mc_jobs_a");

        var store = Assert.IsType<PostgreSqlJobStore>(options.StoreFactory!(null!));
        await using (store)
        {
            await store.EnsureSchemaAsync(CancellationToken.None);
            await store.InsertOrGetAsync(StoreBed.Job(), CancellationToken.None);
        }

        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var count = dataSource.CreateCommand("SELECT COUNT(*) FROM mc_jobs_a.jobs");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    /// <summary>
    /// The store's own data source skips Npgsql's session reset at each reuse of a pooled connection, which the server
    /// counts as a transaction of its own: 100 reads on one pooled connection cost about 100 transactions, not 200.
    /// Counted from <c>pg_stat_database</c> once the store's backends have exited (a live backend reports its counts late).
    /// </summary>
    [Fact]
    public async Task A_store_call_on_the_store_s_own_data_source_is_one_server_transaction()
    {
        const string application = "mc-reset-probe";
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { ApplicationName = application }.ConnectionString;
        var options = new MotionControlJobOptions().UsePostgreSql(connectionString, s => s.SchemaName = "mc_jobs_reset");
        string jobId;
        await using (var setup = (PostgreSqlJobStore)options.StoreFactory!(null!))
        {
            await setup.EnsureSchemaAsync(CancellationToken.None);
            jobId = (await setup.InsertOrGetAsync(StoreBed.Job(), CancellationToken.None)).Job.Id;
        }

        await WaitForBackendsToExitAsync(application);
        var before = await TransactionsAsync();
        await using (var store = (PostgreSqlJobStore)options.StoreFactory!(null!))
        {
            for (int i = 0; i < 100; i++)
            {
                Assert.NotNull(await store.GetAsync(jobId, CancellationToken.None));
            }
        }

        await WaitForBackendsToExitAsync(application);
        var used = await TransactionsAsync() - before;

        Assert.InRange(used, 100, 110); // with the reset: about 200 (206 measured): each reuse after the first adds one
    }

    [Fact]
    public async Task A_data_source_the_application_owns_is_not_disposed_with_the_store()
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        var options = new MotionControlJobOptions().UsePostgreSql(dataSource, null);

        await using (var store = (PostgreSqlJobStore)options.StoreFactory!(null!))
        {
            Assert.Equal(PostgreSqlJobStoreOptions.DefaultSchemaName, store.Schema);
            await store.EnsureSchemaAsync(CancellationToken.None);
        }

        await using var command = dataSource.CreateCommand("SELECT 1");
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void The_password_never_shows_in_the_options_description()
    {
        var options = new MotionControlJobOptions().UsePostgreSql($"Host=db.example;Port=5433;Database=jobs;Username=app;Password={Password}");

        Assert.Equal("PostgreSQL (db.example:5433/jobs, schema motioncontrol)", options.StoreDescription);
        Assert.DoesNotContain(Password, options.ToString());
        Assert.Contains("PostgreSQL (db.example:5433/jobs", options.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Jobs")]
    [InlineData("1jobs")]
    [InlineData("jobs; DROP TABLE x")]
    [InlineData("a\"b")]
    public void A_schema_name_that_is_not_a_plain_lowercase_identifier_is_refused(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => new MotionControlJobOptions().UsePostgreSql("Host=x", s => s.SchemaName = schema));

        Assert.Contains("SchemaName", error.Message);
    }

    [Fact]
    public void The_store_contract_version_matches_the_migrations()
    {
        Assert.Equal(JobStoreSchema.Version, PostgreSqlSchema.Latest);
    }

    /// <summary>The fixture database's committed and rolled-back transactions so far (this read's own included), flushed first.</summary>
    private async Task<long> TransactionsAsync()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await read.ExecuteScalarAsync())!;
    }

    private async Task WaitForBackendsToExitAsync(string application)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = @application", connection);
        count.Parameters.AddWithValue("application", application);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((long)(await count.ExecuteScalarAsync(timeout.Token))! > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
