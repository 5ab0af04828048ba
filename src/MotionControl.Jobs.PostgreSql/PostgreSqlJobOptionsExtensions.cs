using MotionControl.Jobs.PostgreSql;
using Npgsql;

namespace MotionControl.Jobs;

/// <summary>Chooses the PostgreSQL store for <c>AddJobs</c>: the queue shared by several workers on several machines.</summary>
public static class PostgreSqlJobOptionsExtensions
{
    /// <summary>
    /// Journals the jobs in PostgreSQL (schema <see cref="PostgreSqlJobStoreOptions.DefaultSchemaName"/>, created or
    /// migrated at start-up). Every worker pointed at the same database and schema shares the queue and the governor.
    /// </summary>
    /// <param name="options">The job options.</param>
    /// <param name="connectionString">An Npgsql connection string (its password never appears in logs or <c>ToString()</c>).</param>
    /// <returns>The options.</returns>
    public static MotionControlJobOptions UsePostgreSql(this MotionControlJobOptions options, string connectionString) =>
        UsePostgreSql(options, connectionString, static _ => { });

    /// <summary>Journals the jobs in PostgreSQL, with the store's settings.</summary>
    /// <param name="options">The job options.</param>
    /// <param name="connectionString">An Npgsql connection string (its password never appears in logs or <c>ToString()</c>).</param>
    /// <param name="configure">Sets the store's options (the schema name).</param>
    /// <returns>The options.</returns>
    public static MotionControlJobOptions UsePostgreSql(this MotionControlJobOptions options, string connectionString, Action<PostgreSqlJobStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var store = Configure(configure);
        options.StoreFactory = _ => new PostgreSqlJobStore(new NpgsqlSlimDataSourceBuilder(StoreConnectionString(connectionString)).Build(), ownsDataSource: true, store.SchemaName);
        options.StoreDescription = Describe(builder.Host, builder.Port, builder.Database, store.SchemaName);
        return options;
    }

    /// <summary>Journals the jobs in PostgreSQL through a data source the application owns (and disposes).</summary>
    /// <param name="options">The job options.</param>
    /// <param name="dataSource">The data source; the store opens its connections from it and never disposes it.</param>
    /// <param name="configure">Sets the store's options (the schema name), or null for the defaults.</param>
    /// <returns>The options.</returns>
    public static MotionControlJobOptions UsePostgreSql(this MotionControlJobOptions options, NpgsqlDataSource dataSource, Action<PostgreSqlJobStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataSource);
        var store = Configure(configure ?? (static _ => { }));
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        options.StoreFactory = _ => new PostgreSqlJobStore(dataSource, ownsDataSource: false, store.SchemaName);
        options.StoreDescription = Describe(builder.Host, builder.Port, builder.Database, store.SchemaName);
        return options;
    }

    private static PostgreSqlJobStoreOptions Configure(Action<PostgreSqlJobStoreOptions> configure)
    {
        var store = new PostgreSqlJobStoreOptions();
        configure(store);
        if (!PostgreSqlSchema.IsValidName(store.SchemaName))
        {
            throw new ArgumentException(
                $"PostgreSqlJobStoreOptions.SchemaName '{store.SchemaName}' is not accepted: use lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                nameof(configure));
        }

        return store;
    }

    // The store's own data source skips Npgsql's reset of a pooled connection at each reuse (a batch of RESET ALL,
    // DISCARD and the like, its own transaction on the server): the store leaves no session state to reset (no SET,
    // temporary tables, LISTEN or session advisory locks, and every transaction is committed or rolled back before its
    // connection goes back), so the reset only doubled the server's transactions per store call.
    private static string StoreConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    // Host, port, database and schema only: never the user's password or the rest of the connection string.
    private static string Describe(string? host, int port, string? database, string schema) =>
        $"PostgreSQL ({host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{database}, schema {schema})";
}
