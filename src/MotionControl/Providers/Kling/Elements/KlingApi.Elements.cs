namespace MotionControl.Providers.Kling;

/// <summary>The element-management part of <see cref="IKlingApi"/>.</summary>
internal sealed partial class KlingApi
{
    /// <inheritdoc />
    public Task<KlingResponse<KlingElementTask>> CreateElementAsync(KlingElementCreateRequest request, CancellationToken cancellationToken = default) =>
        elements.CreateAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingElementTask>> GetElementAsync(string taskId, CancellationToken cancellationToken = default) =>
        elements.GetAsync(taskId, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<IReadOnlyList<KlingElementTask>>> ListElementsAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default) =>
        elements.ListAsync(pageNum, pageSize, presets: false, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<IReadOnlyList<KlingElementTask>>> ListPresetElementsAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default) =>
        elements.ListAsync(pageNum, pageSize, presets: true, cancellationToken);

    /// <inheritdoc />
    public Task<KlingResponse<KlingElementTask>> DeleteElementAsync(KlingElementDeleteRequest request, CancellationToken cancellationToken = default) =>
        elements.DeleteAsync(request, cancellationToken);
}
