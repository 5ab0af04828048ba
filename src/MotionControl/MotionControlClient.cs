using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Polling;
using MotionControl.Providers;
using MotionControl.Validation;

namespace MotionControl;

/// <summary>
/// What every vendor client shares: pre-flight validation, media preparation, safe submission (a create is never re-sent
/// blindly; a lost reply is recovered by client id where the vendor has one), transient-read retries, and the wait loop.
/// Vendor clients (<c>KlingClient</c>, <c>VydraClient</c>, ...) add only their wire mapping.
/// </summary>
public abstract class MotionControlClient : IMotionControlClient, IDisposable
{
    private const int MaxRecoveryRounds = 2;

    private readonly IVendorConnection _connection;
    private readonly ConcurrentDictionary<string, byte> _unknownStatusWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskPoller _poller;
    private readonly TaskUpdates _updates = new();
    private readonly SubmittedModels _submittedModels = new();
    private readonly Lazy<HttpClient> _ownDownloadClient = new(static () => new HttpClient(VendorHttpClients.DownloadHandler()) { Timeout = Timeout.InfiniteTimeSpan });
    private readonly (MotionControlModelProfile Profile, MotionControlCapabilities Capabilities)[] _modelCapabilities;
    private Func<HttpClient>? _downloadHttpClient;

    /// <summary>Builds the vendor-neutral part of a client whose options were validated (by the vendor descriptor, or by DI at start-up).</summary>
    /// <param name="vendor">The vendor's descriptor: its name, capabilities and secrets.</param>
    /// <param name="options">The options; the values are copied.</param>
    /// <param name="connection">The vendor connection (its handler applies the credentials); disposed with this client.</param>
    private protected MotionControlClient(IVendorDescriptor vendor, MotionControlClientOptions options, IVendorConnection connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);

        var providerName = vendor.Name;
        var redactor = vendor.SecretsOf(options);
        ProviderName = providerName;
        Capabilities = vendor.CapabilitiesFor(options);
        _modelCapabilities = [.. Capabilities.ModelProfiles.Select(p => (p, Capabilities.ForModel(p.Model)))];
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory?.CreateLogger("MotionControl." + providerName) ?? NullLogger.Instance;
        DefaultWaitOptions = options.WaitOptions;
        MediaUploader = options.MediaUploader;
        ConfiguredModel = options.Model;
        DefaultCallbackUrl = Capabilities.SupportsCallback ? options.CallbackUrl : null;
        _connection = connection;

        TransportSettings = new VendorTransportSettings
        {
            ProviderName = providerName,
            BaseAddress = EnsureTrailingSlash(options.BaseAddress),
            Authenticator = connection.Authenticator,
            Redactor = redactor,
            RequestTimeout = options.RequestTimeout,
            MaxRetryAttempts = options.MaxRetryAttempts,
            RetryBaseDelay = options.RetryBaseDelay,
            RetryMaxDelay = options.RetryMaxDelay,
            TimeProvider = options.TimeProvider,
            Logger = Logger,
        };
        TaskContext = new VendorTaskContext(providerName, redactor, options.TimeProvider, ReportUnknownStatus);
        _poller = new TaskPoller(providerName, GetTaskAsync, TimeProvider, Logger, taskId => _submittedModels.Find(taskId) ?? ConfiguredModel ?? Capabilities.DefaultModel, _updates, _submittedModels.HasCallback);
    }

    /// <inheritdoc />
    public string ProviderName { get; }

    /// <inheritdoc />
    public MotionControlCapabilities Capabilities { get; }

    /// <summary>
    /// Where result downloads get their HTTP client: the <c>MotionControl.download</c> client of <c>IHttpClientFactory</c>
    /// under DI (the caller's handlers and proxy apply); without DI, one the client creates on first use and disposes.
    /// It never carries a vendor credential.
    /// </summary>
    internal Func<HttpClient> DownloadHttpClient
    {
        get => _downloadHttpClient ?? OwnDownloadClient;
        set => _downloadHttpClient = value;
    }

    /// <summary>What the vendor client's transport is built from.</summary>
    private VendorTransportSettings TransportSettings { get; }

    /// <summary>The transport of this client's calls over the vendor's routes.</summary>
    private protected VendorTransport<TRoutes> Transport<TRoutes>(VendorConnection<TRoutes> connection)
        where TRoutes : class => new(TransportSettings, connection.Routes);

    /// <summary>What the vendor's neutral mapping (<see cref="Tasks"/>) is built with.</summary>
    private protected VendorTaskContext TaskContext { get; }

    private TimeProvider TimeProvider { get; }

    private ILogger Logger { get; }

    private MotionControlWaitOptions DefaultWaitOptions { get; }

    /// <summary>
    /// Where local media go for vendors that take URLs: the caller's uploader, else the one a vendor client hosts itself
    /// (fal's storage), set by that client's constructor.
    /// </summary>
    private IMediaUploader? MediaUploader { get; set; }

    private string? ConfiguredModel { get; }

    /// <summary>
    /// The callback URL of requests that set none (<see cref="MotionControlClientOptions.CallbackUrl"/>), for vendors with
    /// one; sent only to vendors whose callbacks the SDK reads (not fal's yet, whose endpoint would refuse them).
    /// </summary>
    private Uri? DefaultCallbackUrl { get; }

    /// <inheritdoc />
    public async Task<MotionControlTask> SubmitAsync(MotionControlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = MotionControlTelemetry.Start("motioncontrol.submit", ProviderName);
        if (request.CallbackUrl is null && DefaultCallbackUrl is not null && Tasks.ReadsCallbacks)
        {
            request = request with { CallbackUrl = DefaultCallbackUrl };
        }

        try
        {
            var validation = await ValidateCoreAsync(request, cancellationToken).ConfigureAwait(false);
            validation.ThrowIfInvalid(ProviderName);

            using var media = await SubmissionMedia.PrepareAsync(request, Capabilities, MediaUploader, cancellationToken).ConfigureAwait(false);
            var submission = CreateSubmission(request, media);
            MotionControlTask task;
            try
            {
                task = await Tasks.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
            }
            catch (MotionControlSubmissionOutcomeUnknownException unknown) when (submission.ExternalTaskId is not null && Capabilities.SupportsExternalTaskId)
            {
                task = await RecoverAsync(submission, submission.ExternalTaskId, unknown, cancellationToken).ConfigureAwait(false);
            }

            if (media.StagedMedia.Count > 0)
            {
                task = task with { StagedMedia = [.. media.StagedMedia] };
            }

            if (request.Model is not null || request.CallbackUrl is not null)
            {
                // Without either, the wait falls back to the client's model, which is what would be remembered, and
                // expects no callback.
                _submittedModels.Remember(task.Id, request.Model ?? ConfiguredModel ?? Capabilities.DefaultModel, callback: request.CallbackUrl is not null);
            }

            MotionControlLog.TaskSubmitted(Logger, ProviderName, task.Id, task.ExternalTaskId ?? submission.ExternalTaskId);
            MotionControlMetrics.RecordSubmission(ProviderName);
            MotionControlTelemetry.Complete(activity, task);
            return task;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (ex is MotionControlSubmissionOutcomeUnknownException)
            {
                MotionControlLog.SubmissionOutcomeUnknown(Logger, ProviderName, ex);
            }

            MotionControlMetrics.RecordFailure(ProviderName, "submit", ex);
            MotionControlTelemetry.Fail(activity, ex);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<MotionControlTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return Tasks.ReadTaskAsync(taskId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> WaitForCompletionAsync(string taskId, MotionControlWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var task = await _poller.RunAsync(taskId, options ?? DefaultWaitOptions, null, cancellationToken).ConfigureAwait(false);
        return task.Status == MotionControlTaskStatus.Succeeded ? task : throw new MotionControlTaskFailedException(task);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MotionControlTask> WatchAsync(string taskId, MotionControlWaitOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);

        // The wait loop itself, stepped as the consumer asks: stopping early ends it (WaitForCompletionAsync is its last item).
        await foreach (var task in _poller.WatchAsync(taskId, options ?? DefaultWaitOptions, cancellationToken).ConfigureAwait(false))
        {
            yield return task;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!Capabilities.SupportsList)
        {
            throw new NotSupportedException($"{Capabilities.DisplayName} has no endpoint to list tasks; keep the task ids your application submits.");
        }

        options ??= new MotionControlListOptions();
        if (options.PageSize is < 1 || options.MaxItems is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be positive and MaxItems not negative.");
        }

        if (options.CreatedAfter > options.CreatedBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CreatedAfter must not be later than CreatedBefore.");
        }

        var tasks = Tasks;
        return tasks.FiltersByCreationTime || options is { CreatedAfter: null, CreatedBefore: null }
            ? tasks.ListTasksAsync(options, cancellationToken)
            : CreatedWithin(tasks.ListTasksAsync(options with { MaxItems = null }, cancellationToken), options, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MotionControlValidationResult> ValidateAsync(MotionControlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValidateCoreAsync(request, cancellationToken).AsTask();
    }

    /// <summary>Validation without a <see cref="Task{TResult}"/> per call: remote-only requests complete synchronously.</summary>
    private async ValueTask<MotionControlValidationResult> ValidateCoreAsync(MotionControlRequest request, CancellationToken cancellationToken)
    {
        var image = await SubmissionMedia.ProbeAsync(request.Image, cancellationToken).ConfigureAwait(false);
        var video = await SubmissionMedia.ProbeAsync(request.Video, cancellationToken).ConfigureAwait(false);
        var model = request.Model ?? ConfiguredModel ?? Capabilities.DefaultModel;
        return RequestValidator.Validate(new ValidationContext(request, CapabilitiesOf(model), image, video, MediaUploader is not null)
        {
            VendorCapabilities = Capabilities,
            Model = model,
            CostEstimate = request.MaxCost is null ? null : Estimate(request, model, video),
        });
    }

    /// <inheritdoc />
    public async Task<MotionControlCostEstimate> EstimateCostAsync(MotionControlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Capabilities.SupportsCostEstimate)
        {
            throw new NotSupportedException($"{Capabilities.DisplayName} publishes no price the SDK can estimate from; its charge shows on the task (MotionControlTask.Charge) once it runs.");
        }

        var model = request.Model ?? ConfiguredModel ?? Capabilities.DefaultModel;
        var video = await SubmissionMedia.ProbeAsync(request.Video, cancellationToken).ConfigureAwait(false);
        return Estimate(request, model, video)
            ?? throw new NotSupportedException($"{Capabilities.DisplayName} publishes no price for the model {model} (and mode {request.Mode?.ToString() ?? "default"}).");
    }

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        Capabilities.SupportsBalance
            ? Tasks.GetBalanceAsync(cancellationToken)
            : throw new NotSupportedException($"{Capabilities.DisplayName} documents no endpoint for the account's balance; see its dashboard.");

    /// <inheritdoc />
    public async Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        if (!Capabilities.SupportsCancel)
        {
            throw new NotSupportedException($"{Capabilities.DisplayName} documents no way to cancel a task; it runs to its end (and is charged as the vendor bills it).");
        }

        using var activity = MotionControlTelemetry.Start("motioncontrol.cancel", ProviderName);
        try
        {
            var task = await Tasks.CancelAsync(taskId, cancellationToken).ConfigureAwait(false);
            MotionControlLog.CancelRequested(Logger, ProviderName, task.Id, task.Status, task.VendorStatus);
            MotionControlTelemetry.Complete(activity, task);
            return task;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MotionControlMetrics.RecordFailure(ProviderName, "cancel", ex);
            MotionControlTelemetry.Fail(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Looks a task up by the client id its create carried (<see cref="MotionControlRequest.ExternalTaskId"/>, or the one
    /// the client generated), for vendors where <see cref="MotionControlCapabilities.SupportsExternalTaskId"/> is true.
    /// A durable job queue journals that id before it sends a create, and asks here after a crash whether the create
    /// landed: <see langword="null"/> means the vendor provably has no such task, so the create can be sent again.
    /// </summary>
    /// <param name="externalTaskId">The client id sent with the create.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The task, or <see langword="null"/> when the vendor has none with that id.</returns>
    /// <exception cref="NotSupportedException">The vendor takes no client id.</exception>
    public async Task<MotionControlTask?> FindTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalTaskId);
        if (!Capabilities.SupportsExternalTaskId)
        {
            throw new NotSupportedException($"{Capabilities.DisplayName} takes no client id with a create, so a task cannot be looked up by one.");
        }

        try
        {
            return await Tasks.FindByExternalTaskIdAsync(externalTaskId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MotionControlMetrics.RecordFailure(ProviderName, "get", ex);
            throw;
        }
    }

    /// <summary>
    /// Reads the body a vendor POSTs to your callback URL into the task it describes, as <see cref="GetTaskAsync"/> would
    /// return it (status, videos, charge, <see cref="MotionControlTask.Raw"/>). It neither verifies the call nor contacts
    /// the vendor: check the signature first (<see cref="Webhooks.StandardWebhookVerifier"/>, for vendors that sign), or
    /// treat an unsigned call as a hint and read the task from the vendor before acting on it. Kling reads both of its
    /// payload shapes (legacy and API 2.0), whatever the client's API version; PowerTokens reads Kling's legacy shape.
    /// </summary>
    /// <param name="body">The raw request body, as received.</param>
    /// <returns>The task.</returns>
    /// <exception cref="NotSupportedException">The SDK does not read this vendor's callbacks; the message names the vendor.</exception>
    /// <exception cref="MotionControlProtocolException">The body is not the vendor's task JSON (the message does not echo it).</exception>
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body)
    {
        try
        {
            return Tasks.ParseCallback(body);
        }
        catch (NotSupportedException ex)
        {
            throw new NotSupportedException($"The SDK does not read {Capabilities.DisplayName}'s callback body.", ex);
        }
    }

    /// <summary>
    /// Hands a task update that arrived by other means than a poll (a callback) to this client's waits on that task
    /// (<see cref="IMotionControlClient.WaitForCompletionAsync"/>, <see cref="IMotionControlClient.WatchAsync"/>,
    /// <c>GenerateAsync</c>): each wakes at once and takes it as its latest look, without another poll; polling goes on
    /// as the fallback while the task runs. Pass only a task you trust: one from a callback whose signature verified, or
    /// one read from the vendor (<see cref="GetTaskAsync"/>) to confirm an unsigned callback. <c>MotionControl.AspNetCore</c>'s
    /// webhook endpoint calls this for every verified or confirmed callback; call it yourself when you receive callbacks
    /// elsewhere (a worker, a function). A wait in another process is not reached.
    /// </summary>
    /// <param name="task">The task as the callback (or the confirming read) described it.</param>
    /// <returns>How many waits in this client it reached (0 when none was waiting on the task).</returns>
    public int ReportTaskUpdate(MotionControlTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return _updates.Publish(task);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        if (serviceType.IsInstanceOfType(VendorApi))
        {
            return VendorApi;
        }

        if (serviceType.IsInstanceOfType(Capabilities))
        {
            return Capabilities;
        }

        // The media uploader, so that IMediaCleanup (which an uploader may implement) can be found from the client alone.
        return MediaUploader is not null && serviceType.IsInstanceOfType(MediaUploader) ? MediaUploader : null;
    }

    /// <summary>The client type and the vendor host; never credentials.</summary>
    /// <returns>For example <c>KlingClient(https://api-singapore.klingai.com/)</c>.</returns>
    public override string ToString() => $"{GetType().Name}({TransportSettings.BaseAddress})";

    /// <summary>Releases the HTTP client the SDK created for this client (a caller's own client is left alone).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client the SDK created, when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
            if (_ownDownloadClient.IsValueCreated)
            {
                _ownDownloadClient.Value.Dispose();
            }
        }
    }

    /// <summary>
    /// Sets the uploader of local media when the options gave none: a vendor that hosts files itself (Replicate's files
    /// API, fal's storage) supplies its own, so local files need no storage of the caller's. Called from the vendor
    /// client's constructor.
    /// </summary>
    private protected void UseMediaUploader(IMediaUploader uploader) => MediaUploader = uploader;

    /// <summary>The vendor contract's neutral operations and typed API this client drives.</summary>
    private protected abstract IVendorTasks Tasks { get; }

    /// <summary>The vendor's typed API (<c>KlingClient.Api</c>, ...), for <see cref="GetService"/>.</summary>
    private protected virtual object VendorApi => Tasks.Api;

    /// <summary>Logs an unknown vendor status word once per client, and lets the caller treat it as still running.</summary>
    private void ReportUnknownStatus(string taskId, string? word)
    {
        if (word is not null && _unknownStatusWords.Count < 64 && _unknownStatusWords.TryAdd(word, 0))
        {
            MotionControlLog.UnknownStatus(Logger, ProviderName, taskId, word);
        }
    }

    /// <summary>A fresh client id for a create where the caller gave none: unique, short, vendor-safe characters.</summary>
    private static string NewExternalTaskId() =>
        string.Create(35, Guid.NewGuid(), static (chars, guid) =>
        {
            "mc-".CopyTo(chars);
            guid.TryFormat(chars[3..], out _, "N");
        });

    /// <summary>The creation-time window applied to the tasks read, for vendors that cannot filter by it.</summary>
    private static async IAsyncEnumerable<MotionControlTask> CreatedWithin(IAsyncEnumerable<MotionControlTask> tasks, MotionControlListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var yielded = 0;
        if (options.MaxItems == 0)
        {
            yield break;
        }

        await foreach (var task in tasks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (task.CreatedAt is not { } created || created < options.CreatedAfter || created > options.CreatedBefore)
            {
                continue;
            }

            yield return task;
            if (++yielded == options.MaxItems)
            {
                yield break;
            }
        }
    }

    private SubmissionContext CreateSubmission(MotionControlRequest request, PreparedMedia media) => new()
    {
        Request = request,
        Model = request.Model ?? ConfiguredModel ?? Capabilities.DefaultModel,
        ExternalTaskId = Capabilities.SupportsExternalTaskId ? request.ExternalTaskId ?? NewExternalTaskId() : null,
        ImageValue = media.Image,
        VideoValue = media.Video,
        CreateJsonContent = media.CreateContent,
    };

    /// <summary>
    /// The create's reply was lost. Look the task up by its client id: adopt it if it exists; submit again (with the same
    /// id, which the vendor deduplicates) only when the lookup proves it does not.
    /// </summary>
    private async Task<MotionControlTask> RecoverAsync(SubmissionContext submission, string externalTaskId, MotionControlSubmissionOutcomeUnknownException unknown, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRecoveryRounds; round++)
        {
            MotionControlTask? existing;
            try
            {
                existing = await Tasks.FindByExternalTaskIdAsync(externalTaskId, cancellationToken).ConfigureAwait(false);
            }
            catch (MotionControlException lookupFailure)
            {
                throw Unknown(unknown, externalTaskId, $"Looking the task up by its external id '{externalTaskId}' failed too ({lookupFailure.Message}).");
            }

            if (existing is not null)
            {
                MotionControlLog.SubmissionRecovered(Logger, ProviderName, existing.Id, externalTaskId);
                return existing;
            }

            MotionControlLog.SubmissionResent(Logger, ProviderName, externalTaskId);
            try
            {
                return await Tasks.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
            }
            catch (MotionControlSubmissionOutcomeUnknownException again)
            {
                unknown = again;
            }
            catch (MotionControlRequestRejectedException)
            {
                // Most likely "external_task_id already exists": the first create landed after all. Look again.
            }
        }

        throw Unknown(unknown, externalTaskId, null);
    }

    private MotionControlSubmissionOutcomeUnknownException Unknown(MotionControlSubmissionOutcomeUnknownException cause, string externalTaskId, string? detail) =>
        new($"The {Capabilities.DisplayName} create may have reached the vendor, but its outcome is unknown. It was not re-sent blindly. Look the task up by its external id '{externalTaskId}' before submitting again.{(detail is null ? string.Empty : " " + detail)}", cause)
        {
            ProviderName = ProviderName,
            ExternalTaskId = externalTaskId,
            SubmittedAt = cause.SubmittedAt,
            StatusCode = cause.StatusCode,
            RequestId = cause.RequestId,
        };

    private HttpClient OwnDownloadClient() => _ownDownloadClient.Value;

    private MotionControlCostEstimate? Estimate(MotionControlRequest request, string model, MediaFacts? video) =>
        Capabilities.SupportsCostEstimate
            ? Pricing.PriceTable.Estimate(Capabilities, model, request, video is { Problem: null, IsSupportedVideo: true } ? video.Duration : null)
            : null;

    /// <summary>The capabilities a request for <paramref name="model"/> is checked against (made once per profile).</summary>
    private MotionControlCapabilities CapabilitiesOf(string model)
    {
        foreach (var (profile, capabilities) in _modelCapabilities)
        {
            if (profile.Names(model))
            {
                return capabilities;
            }
        }

        return Capabilities;
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
