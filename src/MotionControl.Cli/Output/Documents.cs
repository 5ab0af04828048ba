using System.Text.Json.Serialization;

namespace MotionControl.Cli.Output;

// The shapes --json prints: one document per command, camelCase, nulls left out. Built from the SDK's results by
// Documents.From*, never the SDK's objects themselves (MotionControlTask.Raw is the vendor's reply, not ours to print).

/// <summary>A task as <c>status</c>, <c>wait</c>, <c>cancel</c> and <c>list</c> print it.</summary>
internal sealed record TaskDocument(
    string Id,
    string Provider,
    string Status,
    string? VendorStatus,
    int? Progress,
    int? QueuePosition,
    DateTimeOffset? EstimatedCompletion,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string? FailureReason,
    string? ExternalTaskId,
    IReadOnlyList<VideoDocument> Videos,
    ChargeDocument? Charge);

/// <summary>A result video.</summary>
internal sealed record VideoDocument(string Url, double? DurationSeconds, DateTimeOffset? ExpiresAt);

/// <summary>What the vendor reports it charged.</summary>
internal sealed record ChargeDocument(decimal Amount, string Unit, decimal? ListPrice, string Source);

/// <summary>The <c>estimate</c> document (and part of <c>generate</c>'s).</summary>
internal sealed record EstimateDocument(string Provider, string Model, decimal Minimum, decimal Maximum, string Unit, string Basis);

/// <summary>One broken rule.</summary>
internal sealed record RuleDocument(string Code, string Field, string Message, string? Limit, string? Actual);

/// <summary>Something validation could not check (a media URL whose server gave no usable answer); it does not stop the job.</summary>
internal sealed record WarningDocument(string Code, string Field, string Message);

/// <summary>The <c>validate</c> document.</summary>
internal sealed record ValidationDocument(string Provider, string Model, bool Valid, IReadOnlyList<RuleDocument> Errors, IReadOnlyList<WarningDocument> Warnings);

/// <summary>A finished download.</summary>
internal sealed record DownloadDocument(string TaskId, string Provider, string Path, long Bytes);

/// <summary>The <c>generate</c> document.</summary>
internal sealed record GenerateDocument(string Provider, IReadOnlyList<WarningDocument> Warnings, EstimateDocument? Estimate, TaskDocument Task, DownloadDocument? Download);

/// <summary>The <c>list</c> document.</summary>
internal sealed record ListDocument(string Provider, IReadOnlyList<TaskDocument> Tasks);

/// <summary>The <c>balance</c> document.</summary>
internal sealed record BalanceDocument(string Provider, decimal Amount, string Unit, DateTimeOffset? AsOf, string Source);

/// <summary>What one vendor (or model) supports.</summary>
internal sealed record SupportsDocument(bool ModelChoice, bool Mode, bool Sound, bool Elements, bool Cancel, bool Balance, bool CostEstimate, bool List, bool Progress, bool Callback, bool RequiresPrompt);

/// <summary>One model's profile.</summary>
internal sealed record ModelDocument(string Model, IReadOnlyList<string> Aliases, bool Mode, bool Elements, bool Sound, bool Inferred);

/// <summary>One vendor in the <c>providers</c> document.</summary>
internal sealed record ProviderDocument(string Name, string DisplayName, bool Configured, string DefaultModel, IReadOnlyList<string> Models, SupportsDocument Supports, IReadOnlyList<ModelDocument> ModelProfiles);

/// <summary>The <c>providers</c> document.</summary>
internal sealed record ProvidersDocument(IReadOnlyList<ProviderDocument> Providers);

/// <summary>The <c>emulator</c> document, printed once it listens.</summary>
internal sealed record EmulatorDocument(string Url, int Port, string EnvironmentVariable);

/// <summary>What went wrong, in <c>--json</c> mode.</summary>
internal sealed record ErrorBody(int ExitCode, string Kind, string Message, string? TaskId, string? Resume, IReadOnlyList<RuleDocument>? Errors);

/// <summary>The document printed instead of a command's own when it fails.</summary>
internal sealed record ErrorDocument(ErrorBody Error);

/// <summary>Source-generated serialization of the documents (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(TaskDocument))]
[JsonSerializable(typeof(EstimateDocument))]
[JsonSerializable(typeof(ValidationDocument))]
[JsonSerializable(typeof(DownloadDocument))]
[JsonSerializable(typeof(GenerateDocument))]
[JsonSerializable(typeof(ListDocument))]
[JsonSerializable(typeof(BalanceDocument))]
[JsonSerializable(typeof(ProvidersDocument))]
[JsonSerializable(typeof(EmulatorDocument))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context the tool prints with: as <see cref="JsonSerializerContext"/>'s default, but non-ASCII text ("×", "–") and quotes stay readable instead of \u escapes (the output is a terminal or a file, never HTML).</summary>
    public static CliJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
