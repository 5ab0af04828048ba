using MotionControl.Http;

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

    private readonly KlingFamilyEndpoints<IKlingRoutes> _endpoints;

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
    internal KlingClient(KlingOptions options, VendorConnection<IKlingRoutes> connection)
        : base(KlingVendor.Descriptor, options, connection)
    {
        _endpoints = new(Transport(connection), KlingVendor.Descriptor.Errors, TaskContext.ReportUnknownStatus);
    }

    /// <summary>Kling's typed endpoints, sharing this client's transport, credentials and retries.</summary>
    public IKlingApi Api => _endpoints;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _endpoints;
}
