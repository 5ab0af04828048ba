using System.Data.Common;
using MotionControl.Jobs.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MotionControl.Jobs.PostgreSql;

/// <summary>
/// The store for several workers on several machines, over Npgsql with raw ADO (a dozen statements; AOT-safe through
/// <see cref="NpgsqlSlimDataSourceBuilder"/>, no ORM). Claims lock candidate rows with <c>FOR UPDATE SKIP LOCKED</c> in
/// the same statement that writes the lease, so concurrent claimers never block on, or both get, one job. Every state
/// change is a single-statement compare-and-set on (state, lease holder). Times are the ones the worker passes in (its
/// injected <see cref="TimeProvider"/>), never the server's clock, so leases mean the same as in the SQLite store; workers
/// on several machines need clocks synchronized well within the lease duration.
/// </summary>
internal sealed class PostgreSqlJobStore : IJobStore, IAsyncDisposable, IDisposable
{
    private const string Columns =
        "id, idempotency_key, provider, request_json, output_path, deadline, state, external_task_id, task_id, task_json, " +
        "reported_task_json, charge_json, staged_media_json, attempts, error, lease_owner, lease_expires, not_before, " +
        "holds_slot, cancel_requested, created_at, updated_at, submitted_at, completed_at";

    private const string NonTerminal = "(0, 1, 2)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _jobs;
    private readonly string _governor;

    public PostgreSqlJobStore(NpgsqlDataSource dataSource, bool ownsDataSource, string schema)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Schema = schema;
        var quoted = PostgreSqlSchema.Quote(schema);
        _jobs = quoted + ".jobs";
        _governor = quoted + ".governor";
    }

    public string Schema { get; }

    public async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken) =>
        await PostgreSqlSchema.EnsureAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);

    public async ValueTask<JobInsertResult> InsertOrGetAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);

        // ON CONFLICT DO NOTHING then read: a concurrent insert of the same key waits on the unique index until the first
        // commits, then does nothing, and the read (a new statement, so a new snapshot) sees the first job.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        bool inserted;
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO {_jobs} (id, idempotency_key, provider, request_json, output_path, deadline, state, external_task_id,
              task_id, task_json, not_before, created_at, updated_at)
            VALUES (@id, @key, @provider, @request, @output, @deadline, @state, @external, @task_id, @task_json, @not_before, @created, @created)
            ON CONFLICT (idempotency_key) DO NOTHING
            """, connection))
        {
            var p = insert.Parameters;
            Text(p, "id", job.Id);
            Text(p, "key", job.IdempotencyKey);
            Text(p, "provider", job.Provider);
            Text(p, "request", job.RequestJson);
            Text(p, "output", job.OutputPath);
            Time(p, "deadline", job.Deadline);
            Int(p, "state", (int)job.State);
            Text(p, "external", job.ExternalTaskId);
            Text(p, "task_id", job.TaskId);
            Text(p, "task_json", job.TaskJson);
            Time(p, "not_before", job.NotBefore);
            Time(p, "created", job.CreatedAt);
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        var stored = await ReadOneAsync(connection, "idempotency_key = @p", job.IdempotencyKey, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The job row vanished right after it was written.");
        return new JobInsertResult(stored, inserted);
    }

    public async ValueTask<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOneAsync(connection, "id = @p", jobId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<JobRecord>> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM {_jobs}
            WHERE (@state::integer IS NULL OR state = @state)
              AND (@provider::text IS NULL OR provider = @provider)
              AND (@after::text IS NULL OR seq > (SELECT seq FROM {_jobs} WHERE id = @after))
            ORDER BY seq LIMIT @limit
            """, connection);
        var p = command.Parameters;
        Int(p, "state", query.State is { } state ? (int)state : null);
        Text(p, "provider", query.Provider);
        Text(p, "after", query.AfterId);
        Int(p, "limit", Math.Max(1, query.Limit));
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<JobClaim>> ClaimAsync(JobClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxJobs <= 0)
        {
            return [];
        }

        // One statement: the CTE locks up to MaxJobs runnable rows, skipping rows another claimer has locked, and the
        // UPDATE leases exactly those; the CTE's lease_owner is the holder before this claim (a take-over when not null).
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            WITH candidates AS (
              SELECT id, seq, lease_owner AS previous_owner FROM {_jobs}
              WHERE state IN {NonTerminal}
                AND (lease_owner IS NULL OR (lease_expires < @now AND lease_owner <> @worker))
                AND (state <> 0 OR not_before <= @now OR cancel_requested)
                AND (NOT @in_flight_only OR state IN (1, 2))
              ORDER BY seq
              LIMIT @max
              FOR UPDATE SKIP LOCKED)
            UPDATE {_jobs} AS j SET lease_owner = @worker, lease_expires = @expires, updated_at = @now
            FROM candidates c
            WHERE j.id = c.id
            RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "j." + c))}, c.previous_owner, c.seq
            """, connection);
        var p = command.Parameters;
        Time(p, "now", request.Now);
        Text(p, "worker", request.WorkerId);
        Time(p, "expires", request.LeaseExpiresAt);
        Int(p, "max", request.MaxJobs);
        Bool(p, "in_flight_only", request.InFlightOnly);
        var claims = new List<(long Seq, JobClaim Claim)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claims.Add((reader.GetInt64(25), new JobClaim(Read(reader), reader.IsDBNull(24) ? null : reader.GetString(24))));
            }
        }

        // RETURNING has no order; the contract's is oldest first.
        return [.. claims.OrderBy(c => c.Seq).Select(c => c.Claim)];
    }

    public async ValueTask<bool> RenewLeaseAsync(string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE {_jobs} SET lease_expires = @expires WHERE id = @id AND lease_owner = @worker", connection);
        Text(command.Parameters, "id", jobId);
        Text(command.Parameters, "worker", workerId);
        Time(command.Parameters, "expires", leaseExpiresAt);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<IReadOnlyList<LeaseRenewal>> RenewLeasesAsync(IReadOnlyCollection<string> jobIds, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count == 0)
        {
            return [];
        }

        // The ids (hex, no commas) travel as one text parameter split by the server: a slim data source (ours, or the
        // application's) need not have array support enabled.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            UPDATE {_jobs} SET lease_expires = @expires
            WHERE lease_owner = @worker AND id = ANY (string_to_array(@ids, ','))
            RETURNING id, reported_task_json, cancel_requested
            """, connection);
        Text(command.Parameters, "worker", workerId);
        Time(command.Parameters, "expires", leaseExpiresAt);
        Text(command.Parameters, "ids", string.Join(',', jobIds));
        var renewed = new List<LeaseRenewal>(jobIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            renewed.Add(new LeaseRenewal(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2)));
        }

        return renewed;
    }

    public async ValueTask<bool> ReleaseLeaseAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE {_jobs} SET lease_owner = NULL, lease_expires = NULL WHERE id = @id AND lease_owner = @worker", connection);
        Text(command.Parameters, "id", jobId);
        Text(command.Parameters, "worker", workerId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> ReleaseAllLeasesAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE {_jobs} SET lease_owner = NULL, lease_expires = NULL WHERE lease_owner = @worker", connection);
        Text(command.Parameters, "worker", workerId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TransitionAsync(JobTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var terminal = transition.NewState is not (MotionControlJobState.Pending or MotionControlJobState.Submitting or MotionControlJobState.Submitted);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            UPDATE {_jobs} SET
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
              reported_task_json = CASE WHEN @clear_reported THEN NULL ELSE reported_task_json END,
              completed_at = CASE WHEN @terminal THEN @now ELSE completed_at END,
              lease_owner = CASE WHEN @release THEN NULL ELSE lease_owner END,
              lease_expires = CASE WHEN @release THEN NULL ELSE lease_expires END
            WHERE id = @id AND state = @expected
              AND ((@worker::text IS NOT NULL AND lease_owner = @worker)
                OR (@worker::text IS NULL AND (lease_owner IS NULL OR lease_expires < @now)))
            """, connection);
        var p = command.Parameters;
        Text(p, "id", transition.JobId);
        Text(p, "worker", transition.WorkerId);
        Int(p, "expected", (int)transition.ExpectedState);
        Int(p, "new_state", (int)transition.NewState);
        Time(p, "now", transition.Now);
        Text(p, "external", transition.ExternalTaskId);
        Text(p, "task_id", transition.TaskId);
        Text(p, "task_json", transition.TaskJson);
        Text(p, "charge", transition.ChargeJson);
        Text(p, "staged", transition.StagedMediaJson);
        Text(p, "error", transition.Error);
        Time(p, "not_before", transition.NotBefore);
        Time(p, "submitted", transition.SubmittedAt);
        Bool(p, "slot", transition.HoldsSlot);
        Int(p, "attempts", transition.IncrementAttempts ? 1 : 0);
        Bool(p, "clear_reported", transition.ClearReportedTask);
        Bool(p, "terminal", terminal);
        Bool(p, "release", transition.ReleaseLease);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<JobRecord?> RequestCancelAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"UPDATE {_jobs} SET cancel_requested = true, updated_at = @now WHERE id = @id AND state IN {NonTerminal}", connection))
        {
            Text(command.Parameters, "id", jobId);
            Time(command.Parameters, "now", now);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadOneAsync(connection, "id = @p", jobId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> RecordTaskUpdateAsync(string provider, string taskId, string taskJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            UPDATE {_jobs} SET reported_task_json = @json, updated_at = @now
            WHERE provider = @provider AND task_id = @task AND state IN {NonTerminal}
            """, connection);
        Text(command.Parameters, "provider", provider);
        Text(command.Parameters, "task", taskId);
        Text(command.Parameters, "json", taskJson);
        Time(command.Parameters, "now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<MotionControlJobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT state, COUNT(*)::integer FROM {_jobs} GROUP BY state", connection);
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

        // The governor row's lock (taken by the upsert) serializes acquirers of one registration across every worker;
        // each statement after it reads committed data, so the count includes every slot taken before the lock was.
        // Releases do not take it: a release running beside an acquire can only make the count too high, never too low.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var limit = await EnsureGovernorAsync(connection, transaction, request.Registration, request.ConfiguredLimit, cancellationToken).ConfigureAwait(false);
        bool acquired;
        await using (var command = new NpgsqlCommand($"""
            UPDATE {_jobs} SET holds_slot = true
            WHERE id = @id AND lease_owner = @worker AND provider = @registration
              AND (holds_slot OR (SELECT COUNT(*) FROM {_jobs} WHERE provider = @registration AND holds_slot) < @limit)
            """, connection, transaction))
        {
            Text(command.Parameters, "id", request.JobId);
            Text(command.Parameters, "worker", request.WorkerId);
            Text(command.Parameters, "registration", request.Registration);
            Int(command.Parameters, "limit", limit);
            acquired = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        var inUse = await InUseAsync(connection, transaction, request.Registration, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new GovernorAcquireResult(acquired, limit, inUse);
    }

    public async ValueTask ReleaseSlotAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE {_jobs} SET holds_slot = false WHERE id = @id", connection);
        Text(command.Parameters, "id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<GovernorState> AdjustLimitAsync(GovernorAdjustment adjustment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await EnsureGovernorAsync(connection, transaction, adjustment.Registration, adjustment.ConfiguredLimit, cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(adjustment.Direction == GovernorDirection.Down
            ? $"UPDATE {_governor} SET current_limit = GREATEST(1, LEAST(current_limit - 1, @ceiling)), last_adjusted = @now WHERE registration = @registration"
            : $"""
              UPDATE {_governor} SET current_limit = current_limit + 1, last_adjusted = @now
              WHERE registration = @registration AND current_limit < @configured
                AND (last_adjusted IS NULL OR last_adjusted <= @quiet_since)
              """,
            connection,
            transaction))
        {
            var p = command.Parameters;
            Text(p, "registration", adjustment.Registration);
            Time(p, "now", adjustment.Now);
            Int(p, "ceiling", adjustment.Ceiling ?? int.MaxValue);
            Int(p, "configured", adjustment.ConfiguredLimit);
            Time(p, "quiet_since", adjustment.Now - adjustment.QuietInterval);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var state = await ReadGovernorAsync(connection, transaction, adjustment.Registration, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return state ?? throw new InvalidOperationException("The governor row vanished right after it was written.");
    }

    public async ValueTask<GovernorState?> GetGovernorAsync(string registration, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadGovernorAsync(connection, null, registration, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSqlJobStore(schema: {Schema})";

    private async ValueTask<int> EnsureGovernorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string registration, int configuredLimit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {_governor} AS g (registration, current_limit, last_adjusted) VALUES (@registration, @limit, NULL)
            ON CONFLICT (registration) DO UPDATE SET current_limit = LEAST(g.current_limit, @limit)
            RETURNING current_limit
            """, connection, transaction);
        Text(command.Parameters, "registration", registration);
        Int(command.Parameters, "limit", Math.Max(1, configuredLimit));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async ValueTask<int> InUseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string registration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT COUNT(*)::integer FROM {_jobs} WHERE provider = @registration AND holds_slot", connection, transaction);
        Text(command.Parameters, "registration", registration);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async ValueTask<GovernorState?> ReadGovernorAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string registration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT current_limit, last_adjusted, (SELECT COUNT(*)::integer FROM {_jobs} WHERE provider = @registration AND holds_slot)
            FROM {_governor} WHERE registration = @registration
            """, connection, transaction);
        Text(command.Parameters, "registration", registration);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new GovernorState(registration, reader.GetInt32(0), reader.GetInt32(2), TimeOrNull(reader, 1));
    }

    private async ValueTask<JobRecord?> ReadOneAsync(NpgsqlConnection connection, string where, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {_jobs} WHERE {where}", connection);
        Text(command.Parameters, "p", value);
        var rows = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async ValueTask<List<JobRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
        OutputPath = TextOrNull(r, 4),
        Deadline = TimeOrNull(r, 5),
        State = (MotionControlJobState)r.GetInt32(6),
        ExternalTaskId = TextOrNull(r, 7),
        TaskId = TextOrNull(r, 8),
        TaskJson = TextOrNull(r, 9),
        ReportedTaskJson = TextOrNull(r, 10),
        ChargeJson = TextOrNull(r, 11),
        StagedMediaJson = TextOrNull(r, 12),
        Attempts = r.GetInt32(13),
        Error = TextOrNull(r, 14),
        LeaseOwner = TextOrNull(r, 15),
        LeaseExpiresAt = TimeOrNull(r, 16),
        NotBefore = r.GetFieldValue<DateTimeOffset>(17),
        HoldsSlot = r.GetBoolean(18),
        CancelRequested = r.GetBoolean(19),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(20),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(21),
        SubmittedAt = TimeOrNull(r, 22),
        CompletedAt = TimeOrNull(r, 23),
    };

    private static string? TextOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? TimeOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    // Typed parameters: PostgreSQL must know a null's type, and timestamptz takes UTC offsets only.
    private static void Text(NpgsqlParameterCollection p, string name, string? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    private static void Int(NpgsqlParameterCollection p, string name, int? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = value is { } v ? v : DBNull.Value });

    private static void Bool(NpgsqlParameterCollection p, string name, bool? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Boolean) { Value = value is { } v ? v : DBNull.Value });

    private static void Time(NpgsqlParameterCollection p, string name, DateTimeOffset? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value });
}
