using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotionControl.Jobs.Journal;
using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.Sqlite;

/// <summary>
/// The built-in store: one SQLite file, shared by the worker and queue of every process on the machine. Raw ADO
/// (Microsoft.Data.Sqlite) rather than an ORM: a dozen statements, AOT-safe without reflection. Each write runs in a
/// <c>BEGIN IMMEDIATE</c> transaction (SQLite serializes writers; Microsoft.Data.Sqlite retries a busy database until
/// the command timeout), so every compare-and-set and every claim is atomic across processes. WAL journal mode lets
/// readers run beside the writer.
/// </summary>
internal sealed class SqliteJobStore : IJobStore
{
    private const string Columns =
        "id, idempotency_key, provider, request_json, output_path, deadline, state, external_task_id, task_id, task_json, " +
        "reported_task_json, charge_json, staged_media_json, attempts, error, lease_owner, lease_expires, not_before, " +
        "holds_slot, cancel_requested, created_at, updated_at, submitted_at, completed_at";

    private const string NonTerminal = "(0, 1, 2)";

    private readonly string _connectionString;

    public SqliteJobStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        _connectionString = builder.ToString();
    }

    public async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS mc_schema (version INTEGER NOT NULL);", cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync(connection, transaction, "SELECT MAX(version) FROM mc_schema;", cancellationToken).ConfigureAwait(false) is long v ? (int)v : 0;
        if (version > JobStoreSchema.Version)
        {
            throw new InvalidOperationException($"The job store's schema is version {version}, newer than this MotionControl.Jobs ({JobStoreSchema.Version}); upgrade the package.");
        }

        if (version < 1)
        {
            // Times are Unix milliseconds (UTC); states are MotionControlJobState's values; creation order is the rowid.
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE mc_jobs (
                  id TEXT NOT NULL PRIMARY KEY,
                  idempotency_key TEXT NOT NULL,
                  provider TEXT NOT NULL,
                  request_json TEXT NOT NULL,
                  output_path TEXT NULL,
                  deadline INTEGER NULL,
                  state INTEGER NOT NULL,
                  external_task_id TEXT NULL,
                  task_id TEXT NULL,
                  task_json TEXT NULL,
                  reported_task_json TEXT NULL,
                  charge_json TEXT NULL,
                  staged_media_json TEXT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  error TEXT NULL,
                  lease_owner TEXT NULL,
                  lease_expires INTEGER NULL,
                  not_before INTEGER NOT NULL,
                  holds_slot INTEGER NOT NULL DEFAULT 0,
                  cancel_requested INTEGER NOT NULL DEFAULT 0,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL,
                  submitted_at INTEGER NULL,
                  completed_at INTEGER NULL);
                CREATE UNIQUE INDEX ux_mc_jobs_idempotency_key ON mc_jobs (idempotency_key);
                CREATE INDEX ix_mc_jobs_runnable ON mc_jobs (state, not_before) WHERE state IN (0, 1, 2);
                CREATE INDEX ix_mc_jobs_task ON mc_jobs (provider, task_id) WHERE task_id IS NOT NULL;
                CREATE INDEX ix_mc_jobs_slots ON mc_jobs (provider) WHERE holds_slot = 1;
                CREATE TABLE mc_governor (
                  registration TEXT NOT NULL PRIMARY KEY,
                  current_limit INTEGER NOT NULL,
                  last_adjusted INTEGER NULL);
                INSERT INTO mc_schema (version) VALUES (1);
                """, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<JobInsertResult> InsertOrGetAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = Command(connection, transaction, $"""
            INSERT INTO mc_jobs ({Columns}) VALUES (@id, @key, @provider, @request, @output, @deadline, @state, @external, @task_id,
              @task_json, NULL, NULL, NULL, 0, NULL, NULL, NULL, @not_before, 0, 0, @created, @created, NULL, NULL)
            ON CONFLICT (idempotency_key) DO NOTHING;
            """))
        {
            insert.Parameters.AddWithValue("@id", job.Id);
            insert.Parameters.AddWithValue("@key", job.IdempotencyKey);
            insert.Parameters.AddWithValue("@provider", job.Provider);
            insert.Parameters.AddWithValue("@request", job.RequestJson);
            insert.Parameters.AddWithValue("@output", (object?)job.OutputPath ?? DBNull.Value);
            insert.Parameters.AddWithValue("@deadline", Ms(job.Deadline));
            insert.Parameters.AddWithValue("@state", (int)job.State);
            insert.Parameters.AddWithValue("@external", (object?)job.ExternalTaskId ?? DBNull.Value);
            insert.Parameters.AddWithValue("@task_id", (object?)job.TaskId ?? DBNull.Value);
            insert.Parameters.AddWithValue("@task_json", (object?)job.TaskJson ?? DBNull.Value);
            insert.Parameters.AddWithValue("@not_before", job.NotBefore.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("@created", job.CreatedAt.ToUnixTimeMilliseconds());
            var inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            var stored = await ReadOneAsync(connection, transaction, "idempotency_key = @p", job.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The job row vanished right after it was written.");
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new JobInsertResult(stored, inserted);
        }
    }

    public async ValueTask<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOneAsync(connection, null, "id = @p", jobId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<JobRecord>> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            SELECT {Columns} FROM mc_jobs
            WHERE (@state IS NULL OR state = @state)
              AND (@provider IS NULL OR provider = @provider)
              AND (@after IS NULL OR rowid > (SELECT rowid FROM mc_jobs WHERE id = @after))
            ORDER BY rowid LIMIT @limit;
            """);
        command.Parameters.AddWithValue("@state", query.State is { } state ? (int)state : DBNull.Value);
        command.Parameters.AddWithValue("@provider", (object?)query.Provider ?? DBNull.Value);
        command.Parameters.AddWithValue("@after", (object?)query.AfterId ?? DBNull.Value);
        command.Parameters.AddWithValue("@limit", Math.Max(1, query.Limit));
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<JobClaim>> ClaimAsync(JobClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxJobs <= 0)
        {
            return [];
        }

        var now = request.Now.ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        List<JobRecord> candidates;
        await using (var select = Command(connection, transaction, $"""
            SELECT {Columns} FROM mc_jobs
            WHERE state IN {NonTerminal}
              AND (lease_owner IS NULL OR (lease_expires < @now AND lease_owner <> @worker))
              AND (state <> 0 OR not_before <= @now OR cancel_requested = 1)
              AND (@in_flight_only = 0 OR state IN (1, 2))
            ORDER BY rowid LIMIT @max;
            """))
        {
            select.Parameters.AddWithValue("@now", now);
            select.Parameters.AddWithValue("@in_flight_only", request.InFlightOnly ? 1 : 0);
            select.Parameters.AddWithValue("@worker", request.WorkerId);
            select.Parameters.AddWithValue("@max", request.MaxJobs);
            candidates = await ReadAllAsync(select, cancellationToken).ConfigureAwait(false);
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var claims = new List<JobClaim>(candidates.Count);
        await using (var update = Command(connection, transaction, "UPDATE mc_jobs SET lease_owner = @worker, lease_expires = @expires, updated_at = @now WHERE id = @id;"))
        {
            var id = update.Parameters.Add("@id", SqliteType.Text);
            update.Parameters.AddWithValue("@worker", request.WorkerId);
            update.Parameters.AddWithValue("@expires", request.LeaseExpiresAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("@now", now);
            foreach (var job in candidates)
            {
                id.Value = job.Id;
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                claims.Add(new JobClaim(
                    job with { LeaseOwner = request.WorkerId, LeaseExpiresAt = request.LeaseExpiresAt, UpdatedAt = request.Now },
                    job.LeaseOwner));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claims;
    }

    public async ValueTask<bool> RenewLeaseAsync(string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE mc_jobs SET lease_expires = @expires WHERE id = @id AND lease_owner = @worker;");
        command.Parameters.AddWithValue("@id", jobId);
        command.Parameters.AddWithValue("@worker", workerId);
        command.Parameters.AddWithValue("@expires", leaseExpiresAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<IReadOnlyList<LeaseRenewal>> RenewLeasesAsync(IReadOnlyCollection<string> jobIds, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count == 0)
        {
            return [];
        }

        // The ids travel as one JSON array parameter (json_each), so the statement is the same for any number of jobs.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            UPDATE mc_jobs SET lease_expires = @expires
            WHERE lease_owner = @worker AND id IN (SELECT value FROM json_each(@ids))
            RETURNING id, reported_task_json, cancel_requested;
            """);
        command.Parameters.AddWithValue("@worker", workerId);
        command.Parameters.AddWithValue("@expires", leaseExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize([.. jobIds], JobJsonContext.Default.ListString));
        var renewed = new List<LeaseRenewal>(jobIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            renewed.Add(new LeaseRenewal(reader.GetString(0), Text(reader, 1), reader.GetInt64(2) != 0));
        }

        return renewed;
    }

    public async ValueTask<bool> ReleaseLeaseAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE mc_jobs SET lease_owner = NULL, lease_expires = NULL WHERE id = @id AND lease_owner = @worker;");
        command.Parameters.AddWithValue("@id", jobId);
        command.Parameters.AddWithValue("@worker", workerId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> ReleaseAllLeasesAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE mc_jobs SET lease_owner = NULL, lease_expires = NULL WHERE lease_owner = @worker;");
        command.Parameters.AddWithValue("@worker", workerId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TransitionAsync(JobTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var terminal = transition.NewState is not (MotionControlJobState.Pending or MotionControlJobState.Submitting or MotionControlJobState.Submitted);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            UPDATE mc_jobs SET
              state = @new_state,
              updated_at = @now,
              external_task_id = COALESCE(@external, external_task_id),
              task_id = COALESCE(@task_id, task_id),
              task_json = COALESCE(@task_json, task_json),
              charge_json = COALESCE(@charge, charge_json),
              staged_media_json = COALESCE(@staged, staged_media_json),
              error = COALESCE(@error, error),
              not_before = COALESCE(@not_before, not_before),
              submitted_at = COALESCE(@submitted, submitted_at),
              holds_slot = COALESCE(@slot, holds_slot),
              attempts = attempts + @attempts,
              reported_task_json = CASE WHEN @clear_reported = 1 THEN NULL ELSE reported_task_json END,
              completed_at = CASE WHEN @terminal = 1 THEN @now ELSE completed_at END,
              lease_owner = CASE WHEN @release = 1 THEN NULL ELSE lease_owner END,
              lease_expires = CASE WHEN @release = 1 THEN NULL ELSE lease_expires END
            WHERE id = @id AND state = @expected
              AND ((@worker IS NOT NULL AND lease_owner = @worker)
                OR (@worker IS NULL AND (lease_owner IS NULL OR lease_expires < @now)));
            """);
        var p = command.Parameters;
        p.AddWithValue("@id", transition.JobId);
        p.AddWithValue("@worker", (object?)transition.WorkerId ?? DBNull.Value);
        p.AddWithValue("@expected", (int)transition.ExpectedState);
        p.AddWithValue("@new_state", (int)transition.NewState);
        p.AddWithValue("@now", transition.Now.ToUnixTimeMilliseconds());
        p.AddWithValue("@external", (object?)transition.ExternalTaskId ?? DBNull.Value);
        p.AddWithValue("@task_id", (object?)transition.TaskId ?? DBNull.Value);
        p.AddWithValue("@task_json", (object?)transition.TaskJson ?? DBNull.Value);
        p.AddWithValue("@charge", (object?)transition.ChargeJson ?? DBNull.Value);
        p.AddWithValue("@staged", (object?)transition.StagedMediaJson ?? DBNull.Value);
        p.AddWithValue("@error", (object?)transition.Error ?? DBNull.Value);
        p.AddWithValue("@not_before", Ms(transition.NotBefore));
        p.AddWithValue("@submitted", Ms(transition.SubmittedAt));
        p.AddWithValue("@slot", transition.HoldsSlot is { } slot ? (slot ? 1 : 0) : DBNull.Value);
        p.AddWithValue("@attempts", transition.IncrementAttempts ? 1 : 0);
        p.AddWithValue("@clear_reported", transition.ClearReportedTask ? 1 : 0);
        p.AddWithValue("@terminal", terminal ? 1 : 0);
        p.AddWithValue("@release", transition.ReleaseLease ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<JobRecord?> RequestCancelAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, transaction, $"UPDATE mc_jobs SET cancel_requested = 1, updated_at = @now WHERE id = @id AND state IN {NonTerminal};"))
        {
            command.Parameters.AddWithValue("@id", jobId);
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var job = await ReadOneAsync(connection, transaction, "id = @p", jobId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async ValueTask<int> RecordTaskUpdateAsync(string provider, string taskId, string taskJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            UPDATE mc_jobs SET reported_task_json = @json, updated_at = @now
            WHERE provider = @provider AND task_id = @task AND state IN {NonTerminal};
            """);
        command.Parameters.AddWithValue("@provider", provider);
        command.Parameters.AddWithValue("@task", taskId);
        command.Parameters.AddWithValue("@json", taskJson);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<MotionControlJobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT state, COUNT(*) FROM mc_jobs GROUP BY state;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<MotionControlJobState, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[(MotionControlJobState)reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    public async ValueTask<GovernorAcquireResult> TryAcquireSlotAsync(GovernorAcquireRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var limit = await EnsureGovernorAsync(connection, transaction, request.Registration, request.ConfiguredLimit, cancellationToken).ConfigureAwait(false);
        var inUse = await InUseAsync(connection, transaction, request.Registration, cancellationToken).ConfigureAwait(false);
        var acquired = false;
        await using (var command = Command(connection, transaction, """
            UPDATE mc_jobs SET holds_slot = 1
            WHERE id = @id AND lease_owner = @worker AND provider = @registration
              AND (holds_slot = 1 OR @in_use < @limit);
            """))
        {
            command.Parameters.AddWithValue("@id", request.JobId);
            command.Parameters.AddWithValue("@worker", request.WorkerId);
            command.Parameters.AddWithValue("@registration", request.Registration);
            command.Parameters.AddWithValue("@in_use", inUse);
            command.Parameters.AddWithValue("@limit", limit);
            acquired = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        inUse = await InUseAsync(connection, transaction, request.Registration, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new GovernorAcquireResult(acquired, limit, inUse);
    }

    public async ValueTask ReleaseSlotAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "UPDATE mc_jobs SET holds_slot = 0 WHERE id = @p;", cancellationToken, jobId).ConfigureAwait(false);
    }

    public async ValueTask<GovernorState> AdjustLimitAsync(GovernorAdjustment adjustment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var now = adjustment.Now.ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await EnsureGovernorAsync(connection, transaction, adjustment.Registration, adjustment.ConfiguredLimit, cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, transaction, adjustment.Direction == GovernorDirection.Down
            ? "UPDATE mc_governor SET current_limit = MAX(1, MIN(current_limit - 1, @ceiling)), last_adjusted = @now WHERE registration = @registration;"
            : """
              UPDATE mc_governor SET current_limit = current_limit + 1, last_adjusted = @now
              WHERE registration = @registration AND current_limit < @configured
                AND (last_adjusted IS NULL OR last_adjusted <= @now - @quiet);
              """))
        {
            command.Parameters.AddWithValue("@registration", adjustment.Registration);
            command.Parameters.AddWithValue("@now", now);
            command.Parameters.AddWithValue("@ceiling", adjustment.Ceiling ?? int.MaxValue);
            command.Parameters.AddWithValue("@configured", adjustment.ConfiguredLimit);
            command.Parameters.AddWithValue("@quiet", (long)adjustment.QuietInterval.TotalMilliseconds);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var state = await ReadGovernorAsync(connection, transaction, adjustment.Registration, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return state!.Value;
    }

    public async ValueTask<GovernorState?> GetGovernorAsync(string registration, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadGovernorAsync(connection, null, registration, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static async ValueTask ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, string? parameter = null)
    {
        await using var command = Command(connection, transaction, sql);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("@p", parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<int> EnsureGovernorAsync(SqliteConnection connection, SqliteTransaction transaction, string registration, int configuredLimit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO mc_governor (registration, current_limit, last_adjusted) VALUES (@registration, @limit, NULL)
            ON CONFLICT (registration) DO UPDATE SET current_limit = MIN(current_limit, @limit);
            SELECT current_limit FROM mc_governor WHERE registration = @registration;
            """);
        command.Parameters.AddWithValue("@registration", registration);
        command.Parameters.AddWithValue("@limit", Math.Max(1, configuredLimit));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async ValueTask<int> InUseAsync(SqliteConnection connection, SqliteTransaction? transaction, string registration, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT COUNT(*) FROM mc_jobs WHERE provider = @registration AND holds_slot = 1;");
        command.Parameters.AddWithValue("@registration", registration);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async ValueTask<GovernorState?> ReadGovernorAsync(SqliteConnection connection, SqliteTransaction? transaction, string registration, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT current_limit, last_adjusted, (SELECT COUNT(*) FROM mc_jobs WHERE provider = @registration AND holds_slot = 1)
            FROM mc_governor WHERE registration = @registration;
            """);
        command.Parameters.AddWithValue("@registration", registration);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new GovernorState(registration, reader.GetInt32(0), reader.GetInt32(2), reader.IsDBNull(1) ? null : FromMs(reader.GetInt64(1)));
    }

    private static async ValueTask<JobRecord?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM mc_jobs WHERE {where};");
        command.Parameters.AddWithValue("@p", value);
        var rows = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async ValueTask<List<JobRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static JobRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        IdempotencyKey = r.GetString(1),
        Provider = r.GetString(2),
        RequestJson = r.GetString(3),
        OutputPath = Text(r, 4),
        Deadline = Time(r, 5),
        State = (MotionControlJobState)r.GetInt32(6),
        ExternalTaskId = Text(r, 7),
        TaskId = Text(r, 8),
        TaskJson = Text(r, 9),
        ReportedTaskJson = Text(r, 10),
        ChargeJson = Text(r, 11),
        StagedMediaJson = Text(r, 12),
        Attempts = r.GetInt32(13),
        Error = Text(r, 14),
        LeaseOwner = Text(r, 15),
        LeaseExpiresAt = Time(r, 16),
        NotBefore = FromMs(r.GetInt64(17)),
        HoldsSlot = r.GetInt64(18) != 0,
        CancelRequested = r.GetInt64(19) != 0,
        CreatedAt = FromMs(r.GetInt64(20)),
        UpdatedAt = FromMs(r.GetInt64(21)),
        SubmittedAt = Time(r, 22),
        CompletedAt = Time(r, 23),
    };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : FromMs(r.GetInt64(i));

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static object Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;
}
