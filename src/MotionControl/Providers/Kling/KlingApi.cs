using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary><see cref="IKlingApi"/> over the shared transport; Kling's error mapping is <see cref="KlingErrorMapper"/>.</summary>
internal sealed class KlingApi : IKlingApi
{
    /// <summary>The legacy motion-control path, relative to the host.</summary>
    public const string MotionControlPath = "v1/videos/motion-control";

    public KlingApi(ApiTransport transport)
    {
        Endpoints = new KlingTaskEndpoints(transport, MotionControlPath, KlingErrorMapper.Map);
    }

    /// <summary>The calls with the task JSON kept, for the neutral client.</summary>
    internal KlingTaskEndpoints Endpoints { get; }

    public Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default) =>
        Endpoints.CreateAsync(request, cancellationToken);

    public Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        Endpoints.GetResponseAsync(taskId, cancellationToken);

    public Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default) =>
        Endpoints.GetResponseAsync(externalTaskId, cancellationToken);

    public async Task<KlingResponse<IReadOnlyList<KlingTask>>> ListMotionControlTasksAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default) =>
        (await Endpoints.ListAsync(pageNum, pageSize, cancellationToken).ConfigureAwait(false)).Response;
}
