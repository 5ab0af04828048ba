using System.Text.Json.Nodes;
using MotionControl.Http;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's calls over its Refit routes, and its typed API; replies read once, errors by <see cref="VydraErrorPolicy"/>.</summary>
internal sealed class VydraEndpoints(VendorTransport<IVydraRoutes> transport) : IVydraApi
{
    /// <summary>The most jobs Vydra returns per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Vydra's page size when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    private static IVendorErrorPolicy Errors => VydraVendor.Descriptor.Errors;

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
            new VendorCall<IVydraRoutes>("cancel", (routes, ct) => routes.CancelAsync(jobId, ct)) { TaskId = jobId },
            static reply => reply.IsSuccessStatusCode && reply.Json.IsEmpty
                ? null
                : WireReply<VydraJob>.Read(reply, VydraJsonContext.Default.VydraJob, Errors).Value,
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
        var body = WireBody.Serialize(request, VydraJsonContext.Default.VydraMotionControlRequest, additionalProperties);
        return transport.SendAsync(
            VendorCall<IVydraRoutes>.Create((routes, ct) => routes.CreateAsync(createContent(body), ct)),
            static reply =>
            {
                var created = WireReply<VydraCreateJobResponse>.Read(reply, VydraJsonContext.Default.VydraCreateJobResponse, Errors);
                return created.Value.JobId is null ? throw reply.ProtocolError("the reply carries no jobId") : created;
            },
            cancellationToken);
    }

    internal Task<WireReply<VydraJob>> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return transport.SendAsync(
            VendorCall<IVydraRoutes>.Get(jobId, (routes, ct) => routes.GetAsync(jobId, ct)),
            static reply =>
            {
                var job = WireReply<VydraJob>.Read(reply, VydraJsonContext.Default.VydraJob, Errors);
                return string.Equals(job.Value.Status, "completed", StringComparison.OrdinalIgnoreCase) && job.Value.VideoUrl is null

                    // Transient on purpose: a read is retried and a wait keeps polling, in case the URL is filled in a moment later.
                    ? throw reply.ProtocolError("the job is completed but carries no output.videoUrl")
                    : job;
            },
            cancellationToken);
    }

    /// <summary>Reads one page, keeping its JSON (the neutral client keeps each job's own JSON in its task).</summary>
    internal Task<WireReply<VydraJobList>> ListAsync(int? limit, int? offset, string? status, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(status) ? null : status;
        return transport.SendAsync(
            new VendorCall<IVydraRoutes>(VendorOperations.List, (routes, ct) => routes.ListAsync(limit, offset, filter, ct)),
            static reply => WireReply<VydraJobList>.Read(reply, VydraJsonContext.Default.VydraJobList, Errors),
            cancellationToken);
    }
}
