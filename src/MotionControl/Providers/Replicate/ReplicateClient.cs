using MotionControl.Http;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// Kling Motion Control through Replicate (<c>v1/models/kwaivgi/kling-v2.6-motion-control/predictions</c> and
/// <c>kwaivgi/kling-v3-motion-control</c>, then <c>v1/predictions/{id}</c>), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. Replicate takes media by URL or data URL; local files larger than 256 KB go through
/// Replicate's files API on their own (<see cref="ReplicateMediaUploader"/>) unless you give an uploader. It has
/// std/pro modes, the sound flag, webhooks (<see cref="MotionControlRequest.CallbackUrl"/>), a server-side deadline
/// (<see cref="ReplicateOptions.CancelAfter"/>) and cancel (<see cref="IMotionControlClient.CancelAsync"/>); no client
/// id, no element, no watermark, no balance.
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class ReplicateClient : MotionControlClient
{
    /// <summary>The owner of Kling's models on Replicate: <c>kwaivgi</c>.</summary>
    public const string Owner = "kwaivgi";

    /// <summary>The SDK's name of Kling 2.6 motion control, the default (as for Kling's own API): Replicate's <see cref="KlingV26Model"/>.</summary>
    public const string DefaultModel = "kling-v2-6";

    /// <summary>Replicate's Kling 2.6 motion control: <c>kwaivgi/kling-v2.6-motion-control</c>.</summary>
    public const string KlingV26Model = "kwaivgi/kling-v2.6-motion-control";

    /// <summary>Replicate's Kling 3.0 motion control: <c>kwaivgi/kling-v3-motion-control</c> (the SDK's <c>kling-v3</c>).</summary>
    public const string KlingV3Model = "kwaivgi/kling-v3-motion-control";

    private readonly ReplicateEndpoints _api;
    private readonly ReplicateTasks _tasks;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> (the API token) is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests go
    /// out through your client; the SDK sets the vendor address and the credentials on each request itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public ReplicateClient(ReplicateOptions options, HttpClient? httpClient = null)
        : this(options, ReplicateVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal ReplicateClient(ReplicateOptions options, VendorConnection<IReplicateRoutes> connection)
        : base(ReplicateVendor.Descriptor, options, connection)
    {
        _api = new ReplicateEndpoints(Transport(connection), options.CancelAfter);
        _tasks = new ReplicateTasks(_api, TaskContext);

        // Local files need no storage of the caller's: Replicate hosts them (files API) when no uploader is configured.
        if (options.MediaUploader is null)
        {
            UseMediaUploader(new ReplicateMediaUploader(_api));
        }
    }

    /// <summary>Replicate's own endpoints, with its wire types: predictions, cancel, the files API.</summary>
    public IReplicateApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _tasks;
}
