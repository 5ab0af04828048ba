using MotionControl.Http;
using MotionControl.Providers.Kling;
using MotionControl.Serialization;

namespace MotionControl.Providers.PowerTokens;

/// <summary><see cref="IPowerTokensApi"/> over the shared transport: Kling's calls under PowerTokens' path, with <see cref="PowerTokensErrorMapper"/>.</summary>
internal sealed class PowerTokensApi : IPowerTokensApi
{
    /// <summary>PowerTokens' Kling motion-control path, relative to the host.</summary>
    public const string MotionControlPath = "kling/" + KlingApi.MotionControlPath;

    public PowerTokensApi(ApiTransport transport)
    {
        Endpoints = new KlingTaskEndpoints(transport, MotionControlPath, PowerTokensErrorMapper.Map);
    }

    /// <summary>The calls with the task JSON kept, for the neutral client.</summary>
    internal KlingTaskEndpoints Endpoints { get; }

    public async Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request, MotionControlJsonContext.Default.KlingMotionControlRequest, null);
        var reply = await Endpoints.CreateAsync(() => WireBody.Content(body), cancellationToken).ConfigureAwait(false);
        return reply.Response;
    }

    public async Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await Endpoints.GetAsync(taskId, cancellationToken).ConfigureAwait(false)).Response;

    public async Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default) =>
        (await Endpoints.GetAsync(externalTaskId, cancellationToken).ConfigureAwait(false)).Response;
}
