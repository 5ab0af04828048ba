using MotionControl.Http;
using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// Kling Motion Control through PowerTokens, a Kling-compatible gateway (<c>/kling/v1/videos/motion-control</c>): the
/// neutral <see cref="IMotionControlClient"/>, with PowerTokens' typed endpoints under <see cref="Api"/>.
/// </summary>
/// <remarks>
/// Sends Kling's legacy body with <c>model_name</c> <c>kling-v3</c> by default and a bearer API key. Every create carries an
/// <c>external_task_id</c>, so a lost create reply is recovered by looking the task up by it (PowerTokens forwards Kling's
/// lookup by either id). PowerTokens has no list endpoint. Thread-safe; meant to be long-lived.
/// </remarks>
public sealed class PowerTokensClient : MotionControlClient
{
    /// <summary>PowerTokens' default (and only documented) model: <c>kling-v3</c>.</summary>
    public const string DefaultModel = KlingClient.KlingV3Model;

    private readonly KlingFamilyEndpoints<IPowerTokensRoutes> _endpoints;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's. Requests go out through your client; the
    /// SDK sets the vendor address and the credentials on each request itself, never changes or disposes your client.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public PowerTokensClient(PowerTokensOptions options, HttpClient? httpClient = null)
        : this(options, PowerTokensVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal PowerTokensClient(PowerTokensOptions options, VendorConnection<IPowerTokensRoutes> connection)
        : base(PowerTokensVendor.Descriptor, options, connection)
    {
        _endpoints = new(Transport(connection), PowerTokensVendor.Descriptor.Errors, TaskContext.ReportUnknownStatus);
    }

    /// <summary>PowerTokens' typed endpoints (Kling's wire types), sharing this client's transport, credentials and retries.</summary>
    public IPowerTokensApi Api => _endpoints;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _endpoints;
}
