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

    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = ModelsLabVendor.Descriptor.Statuses;

    private readonly ModelsLabEndpoints _api;

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
    }

    /// <summary>ModelsLab's own endpoints, with its wire types (the key is written into each body).</summary>
    public IModelsLabApi Api => _api;

    /// <inheritdoc />
    private protected override object VendorApi => _api;

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> CreateTaskAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var body = new ModelsLabMotionControlRequest
        {
            ModelId = submission.Model,
            InitImage = submission.ImageValue,
            InitVideo = submission.VideoValue,

            // Validation has already refused a request without one (RequiresPrompt).
            Prompt = request.Prompt ?? string.Empty,
            CharacterOrientation = submission.OrientationWire,
            Mode = request.Mode switch
            {
                GenerationMode.Standard => "std",
                GenerationMode.Pro => "pro",
                _ => null,
            },
            Webhook = request.CallbackUrl?.AbsoluteUri,
        };

        var reply = await _api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id!);
    }

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await _api.FetchAsync(taskId, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id ?? taskId);
    }

    private MotionControlTask ToTask(WireReply<ModelsLabVideoResponse> reply, string id)
    {
        var wire = reply.Value;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            ReportUnknownStatus(id, wire.Status);
        }

        var terminal = status is MotionControlTaskStatus.Succeeded or MotionControlTaskStatus.Failed;
        var video = status == MotionControlTaskStatus.Succeeded ? wire.VideoUrl : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status == MotionControlTaskStatus.Failed ? Redactor.Redact(wire.Message ?? wire.Tip ?? "ModelsLab gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video }],
            EstimatedCompletion = !terminal && wire.Eta is > 0 and < 86_400 ? TimeProvider.GetUtcNow().AddSeconds(wire.Eta.Value) : null,
            RawJson = reply.Raw,
        };
    }
}
