using MotionControl.Serialization;
using System.Globalization;
using System.Text.Json;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The calls of Kling's legacy motion-control contract, under a path that differs per host: Kling's own
/// <c>v1/videos/motion-control</c>, PowerTokens' <c>kling/v1/videos/motion-control</c>. Error replies go to the vendor's
/// mapper; a rejected token (Kling 1003/1004) is forgotten here, so the transport's retry signs a new one.
/// </summary>
internal sealed class KlingTaskEndpoints(ApiTransport transport, string path, Func<ApiResponse, JsonElement?, MotionControlException> mapError)
{
    public const string GetOperation = "get";
    public const string ListOperation = "list";

    /// <summary>Kling's page-number range for the list call: 1–1000.</summary>
    public const int MaxPageNumber = 1000;

    /// <summary>Kling's page-size range for the list call: 1–500.</summary>
    public const int MaxPageSize = 500;

    public Task<KlingTaskReply> CreateAsync(Func<HttpContent> content, CancellationToken cancellationToken) =>
        transport.SendAsync(
            ApiCall.Create(path, content),
            response => Interpret(response, KlingEnvelopeReader.ReadTask),
            cancellationToken);

    /// <summary>Reads one task by its task id or its external task id (Kling matches the path segment against both).</summary>
    /// <summary>The typed create of <c>IKlingApi</c>/<c>IPowerTokensApi</c>: the caller's wire body as is.</summary>
    public async Task<KlingResponse<KlingTask>> CreateAsync(KlingMotionControlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request, MotionControlJsonContext.Default.KlingMotionControlRequest, null);
        return (await CreateAsync(() => WireBody.Content(body), cancellationToken).ConfigureAwait(false)).Response;
    }

    /// <summary>The typed get of <c>IKlingApi</c>/<c>IPowerTokensApi</c>, by task id or external id.</summary>
    public async Task<KlingResponse<KlingTask>> GetResponseAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync(id, cancellationToken).ConfigureAwait(false)).Response;

    public Task<KlingTaskReply> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return transport.SendAsync(
            new ApiCall(GetOperation, HttpMethod.Get, path + "/" + Uri.EscapeDataString(id)) { TaskId = id },
            response => Interpret(response, KlingEnvelopeReader.ReadTask),
            cancellationToken);
    }

    public Task<KlingTaskListReply> ListAsync(int pageNum, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNum, MaxPageNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var query = string.Create(CultureInfo.InvariantCulture, $"{path}?pageNum={pageNum}&pageSize={pageSize}");
        return transport.SendAsync(
            new ApiCall(ListOperation, HttpMethod.Get, query),
            response => Interpret(response, KlingEnvelopeReader.ReadTaskList),
            cancellationToken);
    }

    private T Interpret<T>(ApiResponse response, Func<ApiResponse, Func<ApiResponse, JsonElement?, MotionControlException>, T> read)
    {
        try
        {
            return read(response, mapError);
        }
        catch (MotionControlAuthenticationException ex) when (ex.IsTransient)
        {
            transport.InvalidateCredentials();
            throw;
        }
    }
}
