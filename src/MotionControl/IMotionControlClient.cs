namespace MotionControl;

/// <summary>
/// One vendor's Kling Motion Control service behind a provider-neutral interface: submit a job,
/// read it, wait for it, watch it, list jobs and validate a request locally before paying for it.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and meant to be long-lived (one per vendor and account).
/// Every method honours its <see cref="CancellationToken"/>; every wait ends (see
/// <see cref="MotionControlWaitOptions.Timeout"/>).
/// </remarks>
public interface IMotionControlClient : IDisposable
{
    /// <summary>The provider's stable name: <c>kling</c>, <c>powertokens</c>, <c>modelslab</c>, <c>aimlapi</c> or <c>vydra</c> (see <see cref="MotionControlProviders"/>).</summary>
    string ProviderName { get; }

    /// <summary>What this vendor supports and the limits it enforces; the validation engine reads it.</summary>
    MotionControlCapabilities Capabilities { get; }

    /// <summary>
    /// Validates the request locally (every documented limit, media probed from its headers), then submits it once.
    /// </summary>
    /// <param name="request">The job to run.</param>
    /// <param name="cancellationToken">Cancels the call; a create already sent may still have reached the vendor.</param>
    /// <returns>The task as the vendor accepted it, normally <see cref="MotionControlTaskStatus.Queued"/>.</returns>
    /// <exception cref="MotionControlValidationException">The request breaks one or more rules; nothing was sent.</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The create may or may not have reached the vendor; it was not re-sent.</exception>
    /// <exception cref="MotionControlException">The vendor refused the request.</exception>
    Task<MotionControlTask> SubmitAsync(MotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a task's current state once (transient failures are retried).</summary>
    /// <param name="taskId">The vendor's task id, as returned in <see cref="MotionControlTask.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the vendor reports it now.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">The vendor does not know the id.</exception>
    Task<MotionControlTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a task until it succeeds, fails or the wait's deadline passes. Works for tasks submitted by another process.
    /// </summary>
    /// <param name="taskId">The vendor's task id.</param>
    /// <param name="options">Poll interval, back-off, deadline and progress sink; <see langword="null"/> uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait at once, including the request in flight.</param>
    /// <returns>The succeeded task.</returns>
    /// <exception cref="MotionControlTaskFailedException">The vendor reported the task failed or was cancelled.</exception>
    /// <exception cref="MotionControlWaitTimeoutException">The deadline passed; carries the last task seen.</exception>
    Task<MotionControlTask> WaitForCompletionAsync(string taskId, MotionControlWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a task and yields it each time its status or progress changes, ending after the terminal state.
    /// A failed task is yielded, not thrown; a deadline throws <see cref="MotionControlWaitTimeoutException"/>.
    /// </summary>
    /// <param name="taskId">The vendor's task id.</param>
    /// <param name="options">Poll interval, back-off and deadline; <see langword="null"/> uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the watch at once.</param>
    /// <returns>The task at each observed change.</returns>
    IAsyncEnumerable<MotionControlTask> WatchAsync(string taskId, MotionControlWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's tasks, newest first where the vendor orders them, fetching pages lazily.</summary>
    /// <param name="options">Page size, status filter and item cap; <see langword="null"/> uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The tasks.</returns>
    /// <exception cref="NotSupportedException">The vendor has no list endpoint (<see cref="MotionControlCapabilities.SupportsList"/> is false).</exception>
    IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the whole pre-flight of <see cref="SubmitAsync"/> (media probing and every rule) without contacting the vendor.
    /// </summary>
    /// <param name="request">The job to check.</param>
    /// <param name="cancellationToken">Cancels the probing.</param>
    /// <returns>Every rule the request breaks, or a valid result.</returns>
    Task<MotionControlValidationResult> ValidateAsync(MotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the job would cost, from the vendor's published price (<see cref="MotionControlCapabilities.SupportsCostEstimate"/>),
    /// without contacting the vendor: per output second times 3 s (the shortest output) to the reference's length (probed
    /// from a local file; the longest the orientation allows for a URL), or a flat price per job.
    /// </summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancels the probing.</param>
    /// <returns>The range, its unit and its basis.</returns>
    /// <exception cref="NotSupportedException">The vendor (or the request's model) has no published price; the message names it.</exception>
    Task<MotionControlCostEstimate> EstimateCostAsync(MotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads what is left on the account, in the vendor's own unit (<see cref="MotionControlCapabilities.SupportsBalance"/>):
    /// Vydra's credits, ModelsLab's and AIMLAPI's dollars, the units left in Kling's resource packs in effect (which lag
    /// up to 12 hours; Kling asks for at most one such call per second). A read: retried on transient failures.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance, its unit and the vendor field it came from.</returns>
    /// <exception cref="NotSupportedException">The vendor documents no balance endpoint (PowerTokens); the message names it.</exception>
    /// <exception cref="MotionControlException">The vendor refused the call or failed.</exception>
    Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the vendor to stop a task (<see cref="MotionControlCapabilities.SupportsCancel"/>) and returns the task as it
    /// stands afterwards: <see cref="MotionControlTaskStatus.Canceled"/> when the vendor stopped it, or the task as it
    /// runs (or ended) where the vendor only cancels a job that has not started yet (fal) — then no exception is thrown.
    /// Not a create: asking twice is harmless, so a lost reply is retried like a read. A wait on the task ends with
    /// <see cref="MotionControlTaskStatus.Canceled"/> (<see cref="MotionControlTaskFailedException"/>) once the vendor
    /// reports it.
    /// </summary>
    /// <param name="taskId">The vendor's task id.</param>
    /// <param name="cancellationToken">Cancels the call (not the task).</param>
    /// <returns>The task after the cancel request.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null, empty or white space.</exception>
    /// <exception cref="NotSupportedException">The vendor cannot cancel a task (Kling, PowerTokens, ModelsLab, AIMLAPI); the message names it.</exception>
    /// <exception cref="MotionControlTaskNotFoundException">The vendor does not know the task.</exception>
    /// <exception cref="MotionControlException">The vendor refused the call or failed.</exception>
    Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the client for an object it holds, as <c>Microsoft.Extensions.AI</c> clients do: the vendor client itself
    /// (<c>KlingClient</c>, ...), its typed vendor API (<c>IKlingApi</c>, ...), its <see cref="MotionControlCapabilities"/>,
    /// its media uploader (<see cref="Media.IMediaUploader"/>, and <see cref="Media.IMediaCleanup"/> when the uploader can delete).
    /// </summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">A key for the object; the SDK's clients hold no keyed objects, so anything but <see langword="null"/> finds nothing.</param>
    /// <returns>The object, or <see langword="null"/> when the client holds none of that type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serviceType"/> is null.</exception>
    object? GetService(Type serviceType, object? serviceKey = null);
}
