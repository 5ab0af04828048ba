using System.Runtime.CompilerServices;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling Motion Control through Kling's own API (legacy <c>/v1/videos/motion-control</c> contract): the neutral
/// <see cref="IMotionControlClient"/>, with Kling's typed endpoints under <see cref="Api"/>.
/// </summary>
/// <remarks>
/// Authenticates with a JWT signed from <see cref="KlingOptions.AccessKey"/>/<see cref="KlingOptions.SecretKey"/> (cached,
/// re-signed before it expires and after Kling reports it expired) or with <see cref="MotionControlClientOptions.ApiKey"/>
/// as a bearer token (which wins when both are set). Every create carries an <c>external_task_id</c> (yours, or one the SDK
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

    private static readonly MotionControlCapabilities KlingCapabilities = new()
    {
        ProviderName = MotionControlProviders.Kling,
        DisplayName = "Kling",
        DefaultModel = DefaultModel,
        Models = [DefaultModel, KlingV3Model],
        ImageTransports = MediaTransport.Url | MediaTransport.RawBase64,
        VideoTransports = MediaTransport.Url,
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        SupportsElements = true,
        SupportsWatermark = true,
        SupportsCallback = true,
        SupportsExternalTaskId = true,
        SupportsList = true,
        ReportsProgress = false,
        VendorDefaultOrientation = null,
    };

    private readonly KlingApi _api;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; copied, so later changes do not affect this client.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's. The SDK sets the base address and the
    /// credentials on each request itself and never disposes your client.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The credentials are incomplete, or another setting is invalid (the message names the setting, never a value).</exception>
    public KlingClient(KlingOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, httpClientAuthenticates: false)
    {
    }

    /// <summary>For DI with a caller's client: <paramref name="httpClientAuthenticates"/> when its handler chain already adds the credentials.</summary>
    internal KlingClient(KlingOptions options, HttpClient? httpClient, bool httpClientAuthenticates)
        : base(MotionControlProviders.Kling, options, CreateAuthenticator(options), CreateRedactor(options), httpClient, httpClientAuthenticates)
    {
        _api = new KlingApi(Transport);
    }

    /// <summary>For DI: clients from <c>IHttpClientFactory</c> whose handler applies <paramref name="authenticator"/>.</summary>
    internal KlingClient(KlingOptions options, IRequestAuthenticator authenticator, Func<HttpClient> httpClientSource)
        : base(MotionControlProviders.Kling, options, authenticator, CreateRedactor(options), httpClientSource, httpClientAuthenticates: true)
    {
        _api = new KlingApi(Transport);
    }

    /// <inheritdoc />
    public override MotionControlCapabilities Capabilities => KlingCapabilities;

    /// <summary>Kling's typed endpoints, sharing this client's transport, credentials and retries.</summary>
    public IKlingApi Api => _api;


    /// <summary>The credentials' authenticator: the API key as a bearer token when set, else a JWT signer.</summary>
    /// <exception cref="ArgumentException">Neither an API key nor a complete AccessKey/SecretKey pair is set.</exception>
    internal static IRequestAuthenticator CreateAuthenticator(KlingOptions options)
    {
        CredentialCheck.ThrowIfMissing(options, MotionControlProviders.Kling);
        return options.UsesJwt
            ? new KlingJwtSigner(options.AccessKey!, options.SecretKey!, options.TimeProvider ?? TimeProvider.System)
            : new BearerKeyAuthenticator(options.ApiKey!);
    }

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> CreateTaskAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var body = KlingRequestMapper.ToBody(submission);
        var reply = await _api.Endpoints.CreateAsync(() => submission.CreateJsonContent(body), cancellationToken).ConfigureAwait(false);
        return ToTask(reply, submission.ExternalTaskId);
    }

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken) =>
        ToTask(await _api.Endpoints.GetAsync(taskId, cancellationToken).ConfigureAwait(false), null);

    /// <inheritdoc />
    private protected override async Task<MotionControlTask?> FindByExternalTaskIdAsync(string externalTaskId, CancellationToken cancellationToken)
    {
        try
        {
            return ToTask(await _api.Endpoints.GetAsync(externalTaskId, cancellationToken).ConfigureAwait(false), externalTaskId);
        }
        catch (MotionControlTaskNotFoundException)
        {
            // Kling answers 1201 "Task not found by id/external id": the create provably did not land.
            return null;
        }
    }

    /// <inheritdoc />
    private protected override IAsyncEnumerable<MotionControlTask> ListTasksCoreAsync(MotionControlListOptions options, CancellationToken cancellationToken)
    {
        var pageSize = options.PageSize ?? DefaultPageSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, KlingTaskEndpoints.MaxPageSize, nameof(options.PageSize));
        return Pages(pageSize, options.Status, options.MaxItems, cancellationToken);
    }

    private async IAsyncEnumerable<MotionControlTask> Pages(int pageSize, MotionControlTaskStatus? status, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var yielded = 0;
        for (var pageNum = 1; pageNum <= KlingTaskEndpoints.MaxPageNumber && yielded < (maxItems ?? int.MaxValue); pageNum++)
        {
            var page = await _api.Endpoints.ListAsync(pageNum, pageSize, cancellationToken).ConfigureAwait(false);
            var tasks = page.Response.Data;
            for (var i = 0; i < tasks.Count && yielded < (maxItems ?? int.MaxValue); i++)
            {
                var task = KlingTaskMapper.ToTask(ProviderName, tasks[i], page.Raw[i], ReportUnknownStatus);

                // Kling's list has no status filter: filter here.
                if (status is null || task.Status == status)
                {
                    yielded++;
                    yield return task;
                }
            }

            if (tasks.Count < pageSize)
            {
                yield break;
            }
        }
    }

    private MotionControlTask ToTask(KlingTaskReply reply, string? externalTaskId) =>
        KlingTaskMapper.ToTask(ProviderName, reply.Response.Data, reply.Raw, ReportUnknownStatus, externalTaskId);

    private static SecretRedactor CreateRedactor(KlingOptions options) =>
        new(options?.ApiKey, options?.AccessKey, options?.SecretKey);
}
