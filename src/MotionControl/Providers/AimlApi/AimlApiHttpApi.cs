using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>
/// AIMLAPI's endpoints over the shared transport. (Named <c>…HttpApi</c> because a class <c>AimlApi</c> would share its
/// name with its namespace.)
/// </summary>
internal sealed class AimlApiHttpApi(ApiTransport transport) : IAimlApi
{
    private const string GenerationsPath = "v2/video/generations";

    public async Task<AimlApiVideoGeneration> CreateVideoGenerationAsync(AimlApiVideoGenerationRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<AimlApiVideoGeneration> GetVideoGenerationAsync(string generationId, CancellationToken cancellationToken = default) =>
        (await GetAsync(generationId, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal Task<WireReply<AimlApiVideoGeneration>> CreateAsync(
        AimlApiVideoGenerationRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transport.SendAsync(
            WireBody.CreateCall(GenerationsPath, request, MotionControlJsonContext.Default.AimlApiVideoGenerationRequest, additionalProperties, createContent),
            AimlApiErrorMapper.ReadCreate,
            cancellationToken);
    }

    internal Task<WireReply<AimlApiVideoGeneration>> GetAsync(string generationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generationId);
        return transport.SendAsync(
            new ApiCall("get", HttpMethod.Get, GenerationsPath + "?generation_id=" + Uri.EscapeDataString(generationId)) { TaskId = generationId },
            AimlApiErrorMapper.ReadGet,
            cancellationToken);
    }
}
