namespace MotionControl.Jobs.PostgreSql;

/// <summary>Settings of the PostgreSQL job store (<c>o.UsePostgreSql(connectionString, s => ...)</c>).</summary>
public sealed class PostgreSqlJobStoreOptions
{
    /// <summary>The default <see cref="SchemaName"/>.</summary>
    public const string DefaultSchemaName = "motioncontrol";

    /// <summary>
    /// The PostgreSQL schema holding the store's tables (<c>jobs</c>, <c>governor</c>, <c>motioncontrol_jobs_schema</c>);
    /// created at start-up when missing. Lowercase letters, digits and underscores, starting with a letter or underscore,
    /// at most 63 characters. Workers share a queue exactly when they use the same database and schema.
    /// </summary>
    public string SchemaName { get; set; } = DefaultSchemaName;

    /// <inheritdoc />
    public override string ToString() => $"PostgreSqlJobStoreOptions(schema: {SchemaName})";
}
