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

    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = AimlApiVendor.Descriptor.Statuses;

    private readonly AimlApiEndpoints _api;

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
    }

    /// <summary>AIMLAPI's own endpoints, with its wire types.</summary>
    public IAimlApi Api => _api;

    /// <inheritdoc />
    private protected override object VendorApi => _api;

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> CreateTaskAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var body = new AimlApiVideoGenerationRequest
        {
            Model = submission.Model,
            ImageUrl = submission.ImageValue,
            VideoUrl = submission.VideoValue,
            Prompt = request.Prompt,

            // Always sent: AIMLAPI's default (image) differs from the SDK's (video).
            CharacterOrientation = submission.OrientationWire,
            KeepAudio = request.KeepOriginalSound,
        };

        var reply = await _api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id!);
    }

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await _api.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, string.IsNullOrWhiteSpace(reply.Value.Id) ? taskId : reply.Value.Id);
    }

    private MotionControlTask ToTask(WireReply<AimlApiVideoGeneration> reply, string id)
    {
        var wire = reply.Value;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            ReportUnknownStatus(id, wire.Status);
        }

        var video = status == MotionControlTaskStatus.Succeeded && Uri.TryCreate(wire.Video?.Url, UriKind.Absolute, out var url) ? url : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status == MotionControlTaskStatus.Failed ? Redactor.Redact(wire.Error?.Message ?? wire.Error?.Name ?? "AIMLAPI gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video }],
            RawJson = reply.Raw,
        };
    }
}
