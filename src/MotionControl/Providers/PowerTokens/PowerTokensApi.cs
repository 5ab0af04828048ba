using MotionControl.Http;
using MotionControl.Providers.Kling;

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

    public Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default) =>
        Endpoints.CreateAsync(request, cancellationToken);

    public Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        Endpoints.GetResponseAsync(taskId, cancellationToken);

    public Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default) =>
        Endpoints.GetResponseAsync(externalTaskId, cancellationToken);
}
