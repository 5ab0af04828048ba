using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling Motion Control through Kling's own API: the neutral <see cref="IMotionControlClient"/>, with Kling's typed
/// endpoints under <see cref="Api"/>. <see cref="KlingOptions.ApiVersion"/> picks the contract the neutral calls use: the
/// legacy <c>/v1/videos/motion-control</c> one (the default) or Kling API 2.0 (<c>/motion-control/{model}</c>, <c>/tasks</c>).
/// </summary>
/// <remarks>
/// Authenticates with a JWT signed from <see cref="KlingOptions.AccessKey"/>/<see cref="KlingOptions.SecretKey"/> (cached,
/// re-signed before it expires and after Kling reports it expired) or with <see cref="MotionControlClientOptions.ApiKey"/>
/// as a bearer token (which wins when both are set; API 2.0 takes the API key only). Every create carries an <c>external_task_id</c> (yours, or one the SDK
/// generates), so a lost create reply is recovered by looking the task up instead of submitting twice.
/// Thread-safe; meant to be long-lived.
/// </remarks>
public sealed class KlingClient : MotionControlClient
{
    /// <summary>Kling's default model: <c>kling-v2-6</c>.</summary>
    public const string DefaultModel = "kling-v2-6";

    /// <summary>The newer model, selectable with <see cref="MotionControlRequest.Model"/> or <see cref="MotionControlClientOptions.Model"/>: <c>kling-v3</c>.</summary>
    public const string KlingV3Model = "kling-v3";

    /// <summary>The list call's default page size (Kling's own default): 30.</summary>
    public const int DefaultPageSize = 30;

    /// <summary>How many legacy reads <see cref="GetTasksAsync"/> runs at once (the legacy contract has no batch read).</summary>
    public const int MaxConcurrentReads = 4;

    private readonly KlingFamilyEndpoints<IKlingServiceRoutes> _legacy;
    private readonly KlingV2Endpoints _v2;
    private readonly KlingApi _api;
    private readonly KlingApiVersion _version;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; copied, so later changes do not affect this client.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's. Requests go out through your client (its
    /// handlers, proxy and default headers apply); the SDK sets the vendor address and the credentials on each request
    /// itself, never changes your client and never disposes it.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The credentials are incomplete, or another setting is invalid (the message names the setting, never a value).</exception>
    public KlingClient(KlingOptions options, HttpClient? httpClient = null)
        : this(options, KlingVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal KlingClient(KlingOptions options, VendorConnection<IKlingServiceRoutes> connection)
        : base(KlingVendor.Descriptor, options, connection)
    {
        var transport = Transport(connection);
        var account = new KlingAccountEndpoints(transport, KlingVendor.Descriptor.Errors, TaskContext.TimeProvider);
        _legacy = new(transport, KlingVendor.Descriptor.Errors, TaskContext.ReportUnknownStatus) { Account = account };
        _v2 = new KlingV2Endpoints(transport, KlingVendor.Descriptor.Errors, TaskContext) { Account = account };
        _api = new KlingApi(_legacy, _v2, new KlingElementEndpoints(transport, KlingVendor.Descriptor.Errors), account);
        _version = options.ApiVersion;
    }

    /// <summary>The contract the neutral calls use.</summary>
    public KlingApiVersion ApiVersion => _version;

    /// <summary>Kling's typed endpoints (both contracts), sharing this client's transport, credentials and retries.</summary>
    public IKlingApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _version == KlingApiVersion.V2 ? _v2 : _legacy;

    /// <inheritdoc />
    private protected override object VendorApi => _api;

    /// <summary>
    /// Reads many tasks by Kling's task id: on API 2.0 in batches of 20 ids per request (<c>GET /tasks?task_ids=</c>), on the
    /// legacy contract one request per id, at most <see cref="MaxConcurrentReads"/> at a time.
    /// </summary>
    /// <param name="taskIds">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The tasks Kling knows, in the order asked; an unknown id is simply absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="taskIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or holds a comma.</exception>
    /// <exception cref="MotionControlException">Kling refused a read (other than "not found").</exception>
    public Task<IReadOnlyList<MotionControlTask>> GetTasksAsync(IEnumerable<string> taskIds, CancellationToken cancellationToken = default) =>
        GetManyAsync(taskIds, byExternalId: false, cancellationToken);

    /// <summary>
    /// Reads many tasks by the external ids their creates carried: on API 2.0 in batches of 20 (<c>GET /tasks?external_task_ids=</c>),
    /// on the legacy contract one request per id, at most <see cref="MaxConcurrentReads"/> at a time.
    /// </summary>
    /// <param name="externalTaskIds">The client ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The tasks Kling knows, in the order asked; an unknown id is simply absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="externalTaskIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or holds a comma.</exception>
    /// <exception cref="MotionControlException">Kling refused a read (other than "not found").</exception>
    public Task<IReadOnlyList<MotionControlTask>> GetTasksByExternalIdAsync(IEnumerable<string> externalTaskIds, CancellationToken cancellationToken = default) =>
        GetManyAsync(externalTaskIds, byExternalId: true, cancellationToken);

    private async Task<IReadOnlyList<MotionControlTask>> GetManyAsync(IEnumerable<string> ids, bool byExternalId, CancellationToken cancellationToken)
    {
        var list = KlingV2Endpoints.DistinctIds(ids);
        if (_version == KlingApiVersion.V2)
        {
            return await _v2.GetTasksNeutralAsync(list, byExternalId, cancellationToken).ConfigureAwait(false);
        }

        var found = new MotionControlTask?[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = byExternalId
                ? await _legacy.FindByExternalTaskIdAsync(list[i], ct).ConfigureAwait(false)
                : await ReadOrNullAsync(list[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. found.OfType<MotionControlTask>()];
    }

    private async Task<MotionControlTask?> ReadOrNullAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            return await _legacy.ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        }
        catch (MotionControlTaskNotFoundException)
        {
            return null;
        }
    }
}
