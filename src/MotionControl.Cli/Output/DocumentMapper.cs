namespace MotionControl.Cli.Output;

/// <summary>Builds the <c>--json</c> documents from the SDK's results.</summary>
internal static class DocumentMapper
{
    public static TaskDocument Task(MotionControlTask task) => new(
        task.Id,
        task.ProviderName,
        StatusWord(task.Status),
        task.VendorStatus,
        task.Progress,
        task.QueuePosition,
        task.EstimatedCompletion,
        task.CreatedAt,
        task.UpdatedAt,
        task.FailureReason,
        task.ExternalTaskId,
        [.. task.Videos.Select(v => new VideoDocument(v.Url.AbsoluteUri, v.Duration?.TotalSeconds, v.ExpiresAt))],
        task.Charge is { } c ? new ChargeDocument(c.Amount, c.Unit, c.ListPrice, c.Source) : null);

    public static EstimateDocument Estimate(string provider, string model, MotionControlCostEstimate estimate) =>
        new(provider, model, estimate.Minimum, estimate.Maximum, estimate.Unit, estimate.Basis);

    public static RuleDocument Rule(MotionControlValidationError error) =>
        new(error.Code, error.Field, error.Message, error.Limit, error.Actual);

    public static WarningDocument Warning(MotionControlValidationWarning warning) =>
        new(warning.Code, warning.Field, warning.Message);

    public static SupportsDocument Supports(MotionControlCapabilities c) => new(
        c.SupportsModelChoice,
        c.SupportsMode,
        c.SupportsKeepOriginalSound,
        c.SupportsElements,
        c.SupportsCancel,
        c.SupportsBalance,
        c.SupportsCostEstimate,
        c.SupportsList,
        c.ReportsProgress,
        c.SupportsCallback,
        c.RequiresPrompt);

    /// <summary>A status as the tool prints it: <c>queued</c>, <c>processing</c>, <c>succeeded</c>, <c>failed</c>, <c>canceled</c>.</summary>
    public static string StatusWord(MotionControlTaskStatus status) => status switch
    {
        MotionControlTaskStatus.Queued => "queued",
        MotionControlTaskStatus.Processing => "processing",
        MotionControlTaskStatus.Succeeded => "succeeded",
        MotionControlTaskStatus.Failed => "failed",
        MotionControlTaskStatus.Canceled => "canceled",
        _ => status.ToString(),
    };
}
