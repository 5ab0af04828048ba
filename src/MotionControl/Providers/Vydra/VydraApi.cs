using System.Globalization;
using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's endpoints over the shared transport.</summary>
internal sealed class VydraApi(ApiTransport transport) : IVydraApi
{
    /// <summary>The most jobs Vydra returns per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Vydra's page size when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    private const string CreatePath = "api/v1/models/kling";
    private const string JobsPath = "api/v1/jobs";

    public async Task<VydraCreateJobResponse> CreateMotionControlJobAsync(VydraMotionControlRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<VydraJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        (await GetAsync(jobId, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<VydraJobList> ListJobsAsync(int? limit = null, int? offset = null, string? status = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"Vydra returns 1–{MaxPageSize} jobs per page.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset ?? 0, nameof(offset));
        return (await ListAsync(limit, offset, status, cancellationToken).ConfigureAwait(false)).Value;
    }

    public Task<VydraJob?> CancelJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);

        // Cancelling twice does no harm, so a lost reply may be retried like a read.
        return transport.SendAsync(
            new ApiCall("cancel", HttpMethod.Delete, JobPath(jobId)) { TaskId = jobId },
            static response => response.IsSuccessStatusCode && response.Body.IsEmpty
                ? null
                : VydraErrorMapper.Read(response, MotionControlJsonContext.Default.VydraJob, isCreate: false).Value,
            cancellationToken);
    }

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal Task<WireReply<VydraCreateJobResponse>> CreateAsync(
        VydraMotionControlRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transport.SendAsync(
            WireBody.CreateCall(CreatePath, request, MotionControlJsonContext.Default.VydraMotionControlRequest, additionalProperties, createContent),
            static response =>
            {
                var reply = VydraErrorMapper.Read(response, MotionControlJsonContext.Default.VydraCreateJobResponse, isCreate: true);
                return reply.Value.ResolveId() is null ? throw response.ProtocolError("the reply carries no jobId") : reply;
            },
            cancellationToken);
    }

    internal Task<WireReply<VydraJob>> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return transport.SendAsync(
            new ApiCall("get", HttpMethod.Get, JobPath(jobId)) { TaskId = jobId },
            static response =>
            {
                var reply = VydraErrorMapper.Read(response, MotionControlJsonContext.Default.VydraJob, isCreate: false);
                return string.Equals(reply.Value.Status, "completed", StringComparison.OrdinalIgnoreCase) && reply.Value.ResolveVideoUrl() is null

                    // Transient on purpose: a read is retried and a wait keeps polling, in case the URL is filled in a moment later.
                    ? throw response.ProtocolError("the job is completed but carries no output.videoUrl")
                    : reply;
            },
            cancellationToken);
    }

    /// <summary>Reads one page, keeping its JSON (the neutral client keeps each job's own JSON in its task).</summary>
    internal Task<WireReply<VydraJobList>> ListAsync(int? limit, int? offset, string? status, CancellationToken cancellationToken)
    {
        var query = new List<string>(3);
        if (limit is { } l)
        {
            query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (offset is { } o)
        {
            query.Add("offset=" + o.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        return transport.SendAsync(
            new ApiCall("list", HttpMethod.Get, query.Count == 0 ? JobsPath : JobsPath + "?" + string.Join('&', query)),
            static response => VydraErrorMapper.Read(response, MotionControlJsonContext.Default.VydraJobList, isCreate: false),
            cancellationToken);
    }

    private static string JobPath(string jobId) => JobsPath + "/" + Uri.EscapeDataString(jobId);
}
