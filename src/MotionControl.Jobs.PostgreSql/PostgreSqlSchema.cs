using MotionControl.Jobs.Storage;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql;

/// <summary>
/// The versioned schema: one migration per version, applied in order inside one transaction that first takes a
/// transaction-scoped advisory lock named after the schema, so several workers starting together migrate once and the
/// others wait, then find the version current. The applied versions are rows of <c>motioncontrol_jobs_schema</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The SQL of each version, by version; <c>{s}</c> is the quoted schema name.</summary>
    private static readonly string[] Migrations =
    [
        // Version 1: the jobs table (the store contract's JobRecord, creation order in seq; states are
        // MotionControlJobState's values, 0-2 non-terminal) and the governor table (slots are the job rows' holds_slot).
        """
        CREATE TABLE {s}.jobs (
          seq bigint GENERATED ALWAYS AS IDENTITY,
          id text NOT NULL PRIMARY KEY,
          idempotency_key text NOT NULL,
          provider text NOT NULL,
          request_json text NOT NULL,
          output_path text NULL,
          deadline timestamptz NULL,
          state integer NOT NULL,
          external_task_id text NULL,
          task_id text NULL,
          task_json text NULL,
          reported_task_json text NULL,
          charge_json text NULL,
          staged_media_json text NULL,
          attempts integer NOT NULL DEFAULT 0,
          error text NULL,
          lease_owner text NULL,
          lease_expires timestamptz NULL,
          not_before timestamptz NOT NULL,
          holds_slot boolean NOT NULL DEFAULT false,
          cancel_requested boolean NOT NULL DEFAULT false,
          created_at timestamptz NOT NULL,
          updated_at timestamptz NOT NULL,
          submitted_at timestamptz NULL,
          completed_at timestamptz NULL);
        CREATE UNIQUE INDEX ux_jobs_idempotency_key ON {s}.jobs (idempotency_key);
        CREATE UNIQUE INDEX ux_jobs_seq ON {s}.jobs (seq);
        CREATE INDEX ix_jobs_runnable ON {s}.jobs (seq) WHERE state IN (0, 1, 2);
        CREATE INDEX ix_jobs_task ON {s}.jobs (provider, task_id) WHERE task_id IS NOT NULL;
        CREATE INDEX ix_jobs_slots ON {s}.jobs (provider) WHERE holds_slot;
        CREATE INDEX ix_jobs_lease_owner ON {s}.jobs (lease_owner) WHERE lease_owner IS NOT NULL;
        CREATE TABLE {s}.governor (
          registration text NOT NULL PRIMARY KEY,
          current_limit integer NOT NULL,
          last_adjusted timestamptz NULL);
        """,
    ];

    /// <summary>The newest version this package knows (the store contract's version).</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Creates the schema or migrates it to <see cref="Latest"/>; returns the versions applied by this call.</summary>
    public static async ValueTask<IReadOnlyList<int>> EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        if (Latest != JobStoreSchema.Version)
        {
            throw new InvalidOperationException($"MotionControl.Jobs.PostgreSql knows schema version {Latest} but MotionControl.Jobs expects {JobStoreSchema.Version}: use matching package versions.");
        }

        var quoted = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("name", "motioncontrol_jobs_schema:" + schema);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            $"CREATE SCHEMA IF NOT EXISTS {quoted}; CREATE TABLE IF NOT EXISTS {quoted}.motioncontrol_jobs_schema (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {quoted}.motioncontrol_jobs_schema", connection, transaction))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > Latest)
        {
            throw new InvalidOperationException($"The job store's schema {schema} is version {current}, newer than this MotionControl.Jobs.PostgreSql ({Latest}); upgrade the package.");
        }

        var applied = new List<int>();
        for (var version = current + 1; version <= Latest; version++)
        {
            await using var migrate = new NpgsqlCommand(
                Migrations[version - 1].Replace("{s}", quoted, StringComparison.Ordinal) +
                $"; INSERT INTO {quoted}.motioncontrol_jobs_schema (version) VALUES ({version.ToString(System.Globalization.CultureInfo.InvariantCulture)});",
                connection,
                transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>
    /// The schema name as an SQL identifier. Names are checked (<see cref="PostgreSqlJobStoreOptions.SchemaName"/>:
    /// lowercase letters, digits and underscores) and quoted anyway, since they are spliced into the statements.
    /// </summary>
    public static string Quote(string schema) => "\"" + schema + "\"";

    /// <summary>Whether <paramref name="schema"/> is a name the store accepts.</summary>
    public static bool IsValidName(string? schema) =>
        !string.IsNullOrEmpty(schema) && schema.Length <= 63 && (schema[0] is >= 'a' and <= 'z' or '_') &&
        schema.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');
}
