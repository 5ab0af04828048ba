using MotionControl.Http;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// Kling Motion Control through ModelsLab (<c>api/v7/video-fusion</c>), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. ModelsLab takes media by URL only (give an <see cref="Media.IMediaUploader"/> for local
/// files), requires a prompt, lets you choose the mode and a webhook, and reports an ETA rather than a percentage.
/// </summary>
/// <remarks>
/// Thread-safe; create one per account and reuse it. The API key travels in every request body and is redacted from
/// every log line, exception message and reply excerpt.
/// </remarks>
public sealed class ModelsLabClient : MotionControlClient
{
    /// <summary>The model used when neither the request nor the options name one: <c>kling-motion-control</c> (Kling Motion Control v2.6).</summary>
    public const string DefaultModel = "kling-motion-control";

    /// <summary>The Kling v3 motion-control model on ModelsLab: <c>kling-v3-motion-control</c> (seen in real clients, not on ModelsLab's page).</summary>
    public const string KlingV3Model = "kling-v3-motion-control";

    private readonly ModelsLabEndpoints _api;
    private readonly ModelsLabTasks _tasks;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests go
    /// out through your client; the SDK sets the vendor address itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public ModelsLabClient(ModelsLabOptions options, HttpClient? httpClient = null)
        : this(options, ModelsLabVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal ModelsLabClient(ModelsLabOptions options, VendorConnection<IModelsLabRoutes> connection)
        : base(ModelsLabVendor.Descriptor, options, connection)
    {
        _api = new ModelsLabEndpoints(Transport(connection), options.ApiKey!);
        _tasks = new ModelsLabTasks(_api, TaskContext);
    }

    /// <summary>ModelsLab's own endpoints, with its wire types (the key is written into each body).</summary>
    public IModelsLabApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _tasks;
}
