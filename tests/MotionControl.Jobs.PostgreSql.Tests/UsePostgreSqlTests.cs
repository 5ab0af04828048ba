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
}
