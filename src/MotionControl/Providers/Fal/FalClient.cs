using MotionControl.Http;

namespace MotionControl.Providers.Fal;

/// <summary>
/// Kling Motion Control through fal.ai's queue (<c>POST {queue}/fal-ai/kling-video/{v2.6|v3}/{standard|pro}/motion-control</c>,
/// then <c>fal-ai/kling-video/requests/{id}/status</c> and the result), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. <see cref="MotionControlRequest.Model"/> picks the version (<see cref="DefaultModel"/>,
/// <see cref="KlingV3Model"/>), <see cref="MotionControlRequest.Mode"/> the tier (standard or pro). Local files are uploaded
/// to fal's storage unless you give an <see cref="Media.IMediaUploader"/>. v3 takes an element built from pictures
/// (<see cref="MotionControlElement.FromImages"/>). fal reports the queue position, can cancel a request that has not
/// started, calls back (<see cref="MotionControlRequest.CallbackUrl"/> is fal's <c>fal_webhook</c>) and shows the balance;
/// it has no client id, no task list and no charge per request.
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class FalClient : MotionControlClient
{
    /// <summary>The default model: <c>kling-v2-6</c> (fal's <c>v2.6</c> endpoints).</summary>
    public const string DefaultModel = "kling-v2-6";

    /// <summary>Kling 3.0: <c>kling-v3</c> (fal's <c>v3</c> endpoints, with elements).</summary>
    public const string KlingV3Model = "kling-v3";

    private readonly FalEndpoints _api;
    private readonly FalTasks _tasks;
    private readonly VendorConnection<IFalPlatformRoutes> _platform;
    private readonly VendorConnection<IFalPlatformRoutes> _storage;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests to
    /// the queue, platform and storage hosts go out through your client; the SDK sets the address and credentials itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public FalClient(FalOptions options, HttpClient? httpClient = null)
        : this(options, FalVendor.Descriptor.Connect(options, httpClient), httpClient)
    {
    }

    /// <summary>For DI: options already validated, and the queue's connection (the platform and storage hosts get the SDK's own).</summary>
    internal FalClient(FalOptions options, VendorConnection<IFalRoutes> connection)
        : this(options, connection, null)
    {
    }

    private FalClient(FalOptions options, VendorConnection<IFalRoutes> connection, HttpClient? httpClient)
        : base(FalVendor.Descriptor, options, connection)
    {
        _platform = VendorConnection<IFalPlatformRoutes>.Create(options.PlatformBaseAddress, connection.Authenticator, httpClient, FalVendor.PlatformRoutes);
        _storage = VendorConnection<IFalPlatformRoutes>.Create(options.StorageBaseAddress, connection.Authenticator, httpClient, FalVendor.PlatformRoutes);
        _api = new FalEndpoints(Transport(connection), Transport(_platform), Transport(_storage), () => DownloadHttpClient());
        var uploader = options.MediaUploader ?? new FalStorageUploader(_api);
        if (options.MediaUploader is null)
        {
            UseMediaUploader(uploader);
        }

        _tasks = new FalTasks(_api, TaskContext, uploader);
    }

    /// <summary>fal's own endpoints, with its wire types: queue status with logs, the raw result, cancel, billing, storage uploads.</summary>
    public IFalApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _tasks;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _platform.Dispose();
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
