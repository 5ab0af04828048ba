using MotionControl.Diagnostics;

namespace MotionControl.Providers;

/// <summary>
/// One vendor contract's neutral operations, which <see cref="MotionControlClient"/> drives (validation, media,
/// recovery, waits and telemetry stay in the base): the request mapped to the vendor's create, and the vendor's task
/// mapped back. A vendor client only picks its implementation (for example by API version).
/// </summary>
internal interface IVendorTasks
{
    /// <summary>The vendor's typed API (<c>KlingClient.Api</c>, ...), for <see cref="MotionControlClient.GetService"/>.</summary>
    object Api { get; }

    /// <summary>
    /// Sends the vendor's create once (the transport decides what may be re-sent). A <see cref="ValueTask{TResult}"/> the
    /// client awaits once, straight away: implementations use pooled state machines, so a submission allocates only the
    /// client's own.
    /// </summary>
    ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken);

    /// <summary>Reads one task.</summary>
    Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Finds a task by the client id its create carried; <see langword="null"/> when the vendor provably has none.</summary>
    Task<MotionControlTask?> FindByExternalTaskIdAsync(string externalTaskId, CancellationToken cancellationToken) =>
        Task.FromResult<MotionControlTask?>(null);

    /// <summary>
    /// True when <see cref="ListTasksAsync"/> sends <see cref="MotionControlListOptions.CreatedAfter"/> and
    /// <see cref="MotionControlListOptions.CreatedBefore"/> to the vendor; otherwise the client filters the tasks it reads.
    /// </summary>
    bool FiltersByCreationTime => false;

    /// <summary>Pages through the vendor's task list (only called when <see cref="MotionControlCapabilities.SupportsList"/>).</summary>
    IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This vendor has no endpoint to list tasks.");

    /// <summary>
    /// Asks the vendor to stop a task and returns it as it stands afterwards (only called when
    /// <see cref="MotionControlCapabilities.SupportsCancel"/>). Not a create: a lost reply may be retried.
    /// </summary>
    Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This vendor has no endpoint to cancel a task.");

    /// <summary>Reads the body the vendor POSTs to a callback URL into the task it describes (no verification, no call).</summary>
    /// <summary>True when <see cref="ParseCallback"/> reads this vendor's callbacks (then a default callback URL is sent).</summary>
    bool ReadsCallbacks => false;

    MotionControlTask ParseCallback(ReadOnlySpan<byte> body) =>
        throw new NotSupportedException("The SDK does not read this vendor's callback body.");

    /// <summary>Reads the account's balance (only called when <see cref="MotionControlCapabilities.SupportsBalance"/>).</summary>
    Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("This vendor has no endpoint for the account's balance.");
}

/// <summary>What a vendor's neutral mapping needs from the client it serves.</summary>
/// <param name="ProviderName">The vendor's provider name.</param>
/// <param name="Redactor">Hides the client's secrets in vendor text (failure reasons).</param>
/// <param name="TimeProvider">The client's clock (estimated completion times).</param>
/// <param name="ReportUnknownStatus">Logs an unknown status word once per client.</param>
internal sealed record VendorTaskContext(string ProviderName, SecretRedactor Redactor, TimeProvider TimeProvider, Action<string, string?> ReportUnknownStatus);
