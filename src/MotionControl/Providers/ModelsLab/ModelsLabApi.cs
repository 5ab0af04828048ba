using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab's endpoints over the shared transport, with the key written into every body.</summary>
internal sealed class ModelsLabApi : IModelsLabApi
{
    private const string CreatePath = "api/v7/video-fusion/motion-control";
    private const string FetchPath = "api/v7/video-fusion/fetch/";

    private readonly ApiTransport _transport;
    private readonly string _apiKey;
    private readonly byte[] _fetchBody;

    public ModelsLabApi(ApiTransport transport, string apiKey)
    {
        _transport = transport;
        _apiKey = apiKey;
        _fetchBody = JsonSerializer.SerializeToUtf8Bytes(new ModelsLabFetchRequest { Key = apiKey }, MotionControlJsonContext.Default.ModelsLabFetchRequest);
    }

    public async Task<ModelsLabVideoResponse> CreateMotionControlTaskAsync(ModelsLabMotionControlRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ModelsLabVideoResponse> FetchMotionControlTaskAsync(string id, CancellationToken cancellationToken = default) =>
        (await FetchAsync(id, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal Task<WireReply<ModelsLabVideoResponse>> CreateAsync(
        ModelsLabMotionControlRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(
            WireBody.CreateCall(CreatePath, request with { Key = _apiKey }, MotionControlJsonContext.Default.ModelsLabMotionControlRequest, additionalProperties, createContent),
            ModelsLabErrorMapper.ReadCreate,
            cancellationToken);
    }

    internal Task<WireReply<ModelsLabVideoResponse>> FetchAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);

        // A POST, but a read: it changes nothing at ModelsLab, so it is retried like a GET.
        return _transport.SendAsync(
            new ApiCall("fetch", HttpMethod.Post, FetchPath + Uri.EscapeDataString(id), () => WireBody.Content(_fetchBody)) { TaskId = id },
            ModelsLabErrorMapper.ReadFetch,
            cancellationToken);
    }
}
