using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's calls over its Refit routes, and its typed API; replies read once, errors by <see cref="VydraErrorPolicy"/>.</summary>
internal sealed class VydraEndpoints(VendorTransport<IVydraRoutes> transport) : IVydraApi
{
    /// <summary>The most jobs Vydra returns per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Vydra's page size when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    private static IVendorErrorPolicy Errors => VydraVendor.Descriptor.Errors;

    // The typed calls return the DTO only (no JSON kept), so their replies are read into pooled buffers.
    public async Task<VydraCreateJobResponse> CreateMotionControlJobAsync(VydraMotionControlRequest request, CancellationToken cancellationToken = default) =>
        await CreateAsync(request, null, WireBody.Content, static reply => ReadCreated(reply).Value, pooledReply: true, cancellationToken).ConfigureAwait(false);

    public async Task<VydraJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        await GetAsync(jobId, static reply => ReadJob(reply).Value, pooledReply: true, cancellationToken).ConfigureAwait(false);

    public async Task<VydraJobList> ListJobsAsync(int? limit = null, int? offset = null, string? status = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"Vydra returns 1–{MaxPageSize} jobs per page.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset ?? 0, nameof(offset));
        return (await ListAsync(limit, offset, status, cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<VydraJob?> CancelJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        await CancelAsync(jobId, static reply => ReadCancelled(reply)?.Value, pooledReply: true, cancellationToken).ConfigureAwait(false);

    public async Task<VydraOrganization> GetOrganizationAsync(CancellationToken cancellationToken = default) =>
        await GetOrganizationAsync(static reply => WireReply<VydraOrganization>.Read(reply, VydraJsonContext.Default.VydraOrganization, Errors).Value, cancellationToken).ConfigureAwait(false);

    /// <summary>The neutral balance: <c>creditsRemaining</c>, in credits; a reply without it is a protocol error.</summary>
    internal ValueTask<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        GetOrganizationAsync(
            static reply => new MotionControlBalance
            {
                Amount = WireReply<VydraOrganization>.Read(reply, VydraJsonContext.Default.VydraOrganization, Errors).Value.CreditsRemaining
                    ?? throw reply.ProtocolError("the organization carries no creditsRemaining"),
                Unit = MotionControlCharge.Credits,
                Source = "creditsRemaining",
            },
            cancellationToken);

    /// <summary>
    /// Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in), for the
    /// neutral task: <paramref name="read"/> keeps the reply's JSON (see <see cref="ReadCreatedForTask"/>).
    /// </summary>
    internal ValueTask<T> CreateAsync<T>(
        VydraMotionControlRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        Func<VendorReply, T> read,
        CancellationToken cancellationToken) =>
        CreateAsync(request, additionalProperties, createContent, read, pooledReply: false, cancellationToken);

    /// <summary>Reads a job for the neutral task: <paramref name="read"/> keeps the reply's JSON (see <see cref="ReadJobForTask"/>).</summary>
    internal ValueTask<T> GetAsync<T>(string jobId, Func<VendorReply, T> read, CancellationToken cancellationToken) =>
        GetAsync(jobId, read, pooledReply: false, cancellationToken);

    /// <summary>Cancels a job, keeping the reply's JSON (the neutral task); <see langword="null"/> for a reply without a body.</summary>
    internal ValueTask<WireReply<VydraJob>?> CancelAsync(string jobId, CancellationToken cancellationToken) =>
        CancelAsync(jobId, ReadCancelled, pooledReply: false, cancellationToken);

    /// <summary>Reads one page, keeping its JSON (the neutral client keeps each job's own JSON in its task).</summary>
    internal ValueTask<WireReply<VydraJobList>> ListAsync(int? limit, int? offset, string? status, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(status) ? null : status;
        return transport.SendValueAsync(
            new VendorCall<IVydraRoutes>(VendorOperations.List, (routes, ct) => routes.ListAsync(limit, offset, filter, ct)),
            static reply =>
            {
                var page = WireReply<VydraJobList>.Read(reply, VydraJsonContext.Default.VydraJobList, Errors);
                return page.Value.Data.Contains(null!) ? throw reply.ProtocolError("the job list holds a null job") : page;
            },
            cancellationToken);
    }

    /// <summary>
    /// The neutral create's read: the common shape straight from the bytes (<see cref="VydraReplyReader"/>), else the
    /// DTO path; either way what the neutral task reads, and the reply's JSON.
    /// </summary>
    internal static WireReply<VydraCreatedRead> ReadCreatedForTask(VendorReply reply)
    {
        if (VydraReplyReader.TryReadCreated(reply, out var created))
        {
            return new(created, new LazyJson(reply.Json));
        }

        var dto = ReadCreated(reply);
        return new(VydraCreatedRead.Of(dto.Value), dto.Raw);
    }

    /// <summary>The neutral read of a job, like <see cref="ReadCreatedForTask"/>.</summary>
    internal static WireReply<VydraJobRead> ReadJobForTask(VendorReply reply)
    {
        if (VydraReplyReader.TryReadJob(reply, out var job))
        {
            return new(job, new LazyJson(reply.Json));
        }

        var dto = ReadJob(reply);
        return new(VydraJobRead.Of(dto.Value), dto.Raw);
    }

    private static WireReply<VydraCreateJobResponse> ReadCreated(VendorReply reply)
    {
        var created = WireReply<VydraCreateJobResponse>.Read(reply, VydraJsonContext.Default.VydraCreateJobResponse, Errors);
        return created.Value.JobId is null ? throw reply.ProtocolError("the reply carries no jobId") : created;
    }

    private static WireReply<VydraJob>? ReadCancelled(VendorReply reply) =>
        reply.IsSuccessStatusCode && reply.Json.IsEmpty ? null : WireReply<VydraJob>.Read(reply, VydraJsonContext.Default.VydraJob, Errors);

    private static WireReply<VydraJob> ReadJob(VendorReply reply)
    {
        var job = WireReply<VydraJob>.Read(reply, VydraJsonContext.Default.VydraJob, Errors);
        return string.Equals(job.Value.Status, "completed", StringComparison.OrdinalIgnoreCase) && job.Value.VideoUrl is null

            // Transient on purpose: a read is retried and a wait keeps polling, in case the URL is filled in a moment later.
            ? throw reply.ProtocolError("the job is completed but carries no output.videoUrl")
            : job;
    }

    /// <summary>
    /// Sends a create whose body is built by <paramref name="createContent"/>; <paramref name="pooledReply"/> only when
    /// <paramref name="read"/> keeps nothing of the reply's bytes (see <see cref="VendorCall{TRoutes}.PooledReply"/>).
    /// </summary>
    private ValueTask<T> CreateAsync<T>(
        VydraMotionControlRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        Func<VendorReply, T> read,
        bool pooledReply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request, VydraJsonContext.Default.VydraMotionControlRequest, additionalProperties);
        return transport.SendValueAsync(
            VendorCall<IVydraRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateAsync(call.CreateContent(), ct)) with { PooledReply = pooledReply },
            read,
            cancellationToken);
    }

    /// <summary>Reads the organization: a read, retried like a GET.</summary>
    private ValueTask<T> GetOrganizationAsync<T>(Func<VendorReply, T> read, CancellationToken cancellationToken) =>
        transport.SendValueAsync(
            new VendorCall<IVydraRoutes>(VendorOperations.Balance, static (routes, ct) => routes.GetOrganizationAsync(ct)) { PooledReply = true },
            read,
            cancellationToken);

    private ValueTask<T> CancelAsync<T>(string jobId, Func<VendorReply, T> read, bool pooledReply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);

        // Cancelling twice does no harm, so a lost reply may be retried like a read.
        return transport.SendValueAsync(
            new VendorCall<IVydraRoutes>(VendorOperations.Cancel, static (routes, call, ct) => routes.CancelAsync(call.TaskId!, ct)) { TaskId = jobId, PooledReply = pooledReply },
            read,
            cancellationToken);
    }

    private ValueTask<T> GetAsync<T>(string jobId, Func<VendorReply, T> read, bool pooledReply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return transport.SendValueAsync(
            VendorCall<IVydraRoutes>.Get(jobId, static (routes, call, ct) => routes.GetAsync(call.TaskId!, ct)) with { PooledReply = pooledReply },
            read,
            cancellationToken);
    }
}
