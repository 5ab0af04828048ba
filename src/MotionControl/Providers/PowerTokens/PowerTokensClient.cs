using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// Kling Motion Control through PowerTokens, a Kling-compatible gateway (<c>/kling/v1/videos/motion-control</c>): the
/// neutral <see cref="IMotionControlClient"/>, with PowerTokens' typed endpoints under <see cref="Api"/>.
/// </summary>
/// <remarks>
/// Sends Kling's legacy body with <c>model_name</c> <c>kling-v3</c> by default and a bearer API key. Every create carries an
/// <c>external_task_id</c>, so a lost create reply is recovered by looking the task up by it (PowerTokens forwards Kling's
/// lookup by either id [I]). PowerTokens has no list endpoint. Thread-safe; meant to be long-lived.
/// </remarks>
public sealed class PowerTokensClient : MotionControlClient
{
    /// <summary>PowerTokens' default (and only documented) model: <c>kling-v3</c>.</summary>
    public const string DefaultModel = KlingClient.KlingV3Model;

    private static readonly MotionControlCapabilities PowerTokensCapabilities = new()
    {
        ProviderName = MotionControlProviders.PowerTokens,
        DisplayName = "PowerTokens",
        DefaultModel = DefaultModel,
        Models = [DefaultModel],
        ImageTransports = MediaTransport.Url | MediaTransport.RawBase64,
        VideoTransports = MediaTransport.Url,
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        SupportsElements = true,
        SupportsWatermark = true,
        SupportsCallback = true,
        SupportsExternalTaskId = true,
        SupportsList = false,
        ReportsProgress = false,
        VendorDefaultOrientation = null,
    };

    private readonly PowerTokensApi _api;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; copied, so later changes do not affect this client.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's. The SDK sets the base address and the
    /// key on each request itself and never disposes your client.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="MotionControlClientOptions.ApiKey"/> is missing, or another setting is invalid (named, never its value).</exception>
    public PowerTokensClient(PowerTokensOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, httpClientAuthenticates: false)
    {
    }

    /// <summary>For DI with a caller's client: <paramref name="httpClientAuthenticates"/> when its handler chain already adds the key.</summary>
    internal PowerTokensClient(PowerTokensOptions options, HttpClient? httpClient, bool httpClientAuthenticates)
        : base(MotionControlProviders.PowerTokens, options, CreateAuthenticator(options), CreateRedactor(options), httpClient, httpClientAuthenticates)
    {
        _api = new PowerTokensApi(Transport);
    }

    /// <summary>For DI: clients from <c>IHttpClientFactory</c> whose handler applies <paramref name="authenticator"/>.</summary>
    internal PowerTokensClient(PowerTokensOptions options, IRequestAuthenticator authenticator, Func<HttpClient> httpClientSource)
        : base(MotionControlProviders.PowerTokens, options, authenticator, CreateRedactor(options), httpClientSource, httpClientAuthenticates: true)
    {
        _api = new PowerTokensApi(Transport);
    }

    /// <inheritdoc />
    public override MotionControlCapabilities Capabilities => PowerTokensCapabilities;

    /// <summary>PowerTokens' typed endpoints, sharing this client's transport, key and retries.</summary>
    public IPowerTokensApi Api => _api;


    /// <summary>The bearer-key authenticator.</summary>
    /// <exception cref="ArgumentException"><see cref="MotionControlClientOptions.ApiKey"/> is missing.</exception>
    internal static IRequestAuthenticator CreateAuthenticator(PowerTokensOptions options) =>
        new BearerKeyAuthenticator(CredentialCheck.ThrowIfMissing(options, MotionControlProviders.PowerTokens).ApiKey!);

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
            return null;
        }
    }

    private MotionControlTask ToTask(KlingTaskReply reply, string? externalTaskId) =>
        KlingTaskMapper.ToTask(ProviderName, reply.Response.Data, reply.Raw, ReportUnknownStatus, externalTaskId);

    private static SecretRedactor CreateRedactor(PowerTokensOptions options) => new(options?.ApiKey);
}
