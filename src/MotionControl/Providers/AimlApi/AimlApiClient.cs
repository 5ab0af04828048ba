using MotionControl.Http;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// Kling Motion Control through AIMLAPI (<c>v2/video/generations</c>, model <c>klingai/video-v2-6-pro-motion-control</c>),
/// behind the provider-neutral <see cref="IMotionControlClient"/>. AIMLAPI takes the image as a URL or Base64 and the video
/// as an HTTPS URL or a data URI, lets you keep or drop the original sound, and has no mode, callback, custom id or list.
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class AimlApiClient : MotionControlClient
{
    /// <summary>The only Motion Control model on AIMLAPI: <c>klingai/video-v2-6-pro-motion-control</c> (fixed "pro" quality).</summary>
    public const string DefaultModel = "klingai/video-v2-6-pro-motion-control";

    /// <summary>AIMLAPI's Kling v3 motion control: <c>klingai/video-v3-motion-control</c> (adds <c>mode</c> std/pro; its default orientation is video).</summary>
    public const string KlingV3Model = "klingai/video-v3-motion-control";

    private readonly AimlApiEndpoints _api;
    private readonly AimlApiTasks _tasks;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests go
    /// out through your client; the SDK sets the vendor address and the credentials on each request itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public AimlApiClient(AimlApiOptions options, HttpClient? httpClient = null)
        : this(options, AimlApiVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal AimlApiClient(AimlApiOptions options, VendorConnection<IAimlApiRoutes> connection)
        : base(AimlApiVendor.Descriptor, options, connection)
    {
        _api = new AimlApiEndpoints(Transport(connection));
        _tasks = new AimlApiTasks(_api, TaskContext);
    }

    /// <summary>AIMLAPI's own endpoints, with its wire types.</summary>
    public IAimlApi Api => _api;

    /// <inheritdoc />
    private protected override IVendorTasks Tasks => _tasks;
}
