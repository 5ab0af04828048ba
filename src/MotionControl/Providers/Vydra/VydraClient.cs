using MotionControl.Http;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Kling Motion Control through Vydra (<c>api/v1/models/kling</c>, then <c>api/v1/jobs</c>), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. Vydra takes media by URL only (give an <see cref="Media.IMediaUploader"/> for local files),
/// requires a prompt, lets you keep or drop the original sound, reports progress in percent and can list jobs.
/// It has no mode, element, watermark, callback or custom id on this route. It can cancel a job (<see cref="IMotionControlClient.CancelAsync"/>, typed <see cref="IVydraApi.CancelJobAsync"/>).
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class VydraClient : MotionControlClient
{
    /// <summary>The model name Vydra's route stands for (the route is fixed: no model is sent).</summary>
    public const string DefaultModel = "kling";

    private readonly VydraEndpoints _api;
    private readonly VydraTasks _tasks;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests go
    /// out through your client; the SDK sets the vendor address and the credentials on each request itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public VydraClient(VydraOptions options, HttpClient? httpClient = null)
        : this(options, VydraVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal VydraClient(VydraOptions options, VendorConnection<IVydraRoutes> connection)
        : base(VydraVendor.Descriptor, options, connection)
    {
        _api = new VydraEndpoints(Transport(connection));
        _tasks = new VydraTasks(_api, TaskContext);
    }

    /// <summary>Vydra's own endpoints, with its wire types: cancel a job, list jobs with Vydra's paging.</summary>
    public IVydraApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _tasks;
}
