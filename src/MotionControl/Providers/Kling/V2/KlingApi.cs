namespace MotionControl.Providers.Kling;

/// <summary><see cref="IKlingApi"/> over both of Kling's contracts on one transport: the legacy calls, the 2.0 ones and element management.</summary>
internal sealed partial class KlingApi(KlingFamilyEndpoints<IKlingServiceRoutes> legacy, KlingV2Endpoints v2, KlingElementEndpoints elements, KlingAccountEndpoints account) : IKlingApi
{
    /// <inheritdoc />
    public Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default) =>
        legacy.CreateMotionControlTaskAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        legacy.GetMotionControlTaskAsync(taskId, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default) =>
        legacy.GetMotionControlTaskByExternalIdAsync(externalTaskId, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<IReadOnlyList<KlingTask>>> ListMotionControlTasksAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default) =>
        legacy.ListMotionControlTasksAsync(pageNum, pageSize, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingV2Task>> CreateMotionControlTaskV2Async(string model, KlingV2MotionControlRequest request, CancellationToken cancellationToken = default) =>
        v2.CreateAsync(model, request, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<IReadOnlyList<KlingV2Task>>> GetTasksV2Async(IEnumerable<string> taskIds, CancellationToken cancellationToken = default) =>
        v2.GetTasksAsync(taskIds, byExternalId: false, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<IReadOnlyList<KlingV2Task>>> GetTasksByExternalIdV2Async(IEnumerable<string> externalTaskIds, CancellationToken cancellationToken = default) =>
        v2.GetTasksAsync(externalTaskIds, byExternalId: true, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingV2TaskPage>> ListTasksV2Async(KlingV2TaskListRequest request, CancellationToken cancellationToken = default) =>
        v2.ListAsync(request, cancellationToken);
}
