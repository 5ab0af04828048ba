using System.Runtime.CompilerServices;
using MotionControl.Http;
using MotionControl.Providers.PowerTokens;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// The calls of Kling's legacy motion-control contract over Kling's or PowerTokens' routes, and both vendors' typed APIs
/// on them. Replies are read once, straight from the bytes: success is HTTP 2xx <b>and</b> <c>code</c> 0; anything else
/// goes to the vendor's error policy. A rejected token (Kling 1003/1004) is forgotten here, so the retry signs a new one.
/// </summary>
/// <typeparam name="TRoutes">Kling's routes, or PowerTokens' (the same under a prefix).</typeparam>
internal sealed class KlingFamilyEndpoints<TRoutes> : IPowerTokensApi, IVendorTasks
    where TRoutes : class, IKlingRoutes
{
    /// <summary>Kling's page-number range for the list call: 1–1000.</summary>
    public const int MaxPageNumber = 1000;

    /// <summary>Kling's page-size range for the list call: 1–500.</summary>
    public const int MaxPageSize = 500;


    private const string Data = "data";

    private readonly VendorTransport<TRoutes> _transport;
    private readonly IVendorErrorPolicy _errors;
    private readonly Action<string, string?> _reportUnknownStatus;

    // The reply readers, made once: a reader is handed to the transport on every call.
    private readonly Func<VendorReply, KlingTaskRead> _readTask;
    private readonly Func<VendorReply, MotionControlTask> _readNeutralTask;
    private readonly Func<VendorReply, KlingResponse<KlingTask>> _readTaskResponse;
    private readonly Func<VendorReply, KlingTaskListReply> _readTaskList;

    public KlingFamilyEndpoints(VendorTransport<TRoutes> transport, IVendorErrorPolicy errors, Action<string, string?> reportUnknownStatus)
    {
        _transport = transport;
        _errors = errors;
        _reportUnknownStatus = reportUnknownStatus;
        Func<VendorReply, KlingTaskRead> readTask = ReadTask;
        Func<VendorReply, KlingResponse<KlingTask>> readTaskResponse = ReadTaskResponse;
        Func<VendorReply, KlingTaskListReply> readTaskList = ReadTaskList;
        _readTask = reply => Interpret(reply, readTask);

        // The neutral read maps the reply inside the call, so it needs no state machine of its own.
        _readNeutralTask = reply => ToTask(Interpret(reply, readTask), null);
        _readTaskResponse = reply => Interpret(reply, readTaskResponse);
        _readTaskList = reply => Interpret(reply, readTaskList);
    }

    /// <summary>Sends a create of <paramref name="body"/>, wrapped per attempt by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    public ValueTask<KlingTaskRead> CreateAsync(ReadOnlyMemory<byte> body, Func<ReadOnlyMemory<byte>, HttpContent> createContent, CancellationToken cancellationToken) =>
        CreateAsync(body, createContent, _readTask, pooledReply: false, cancellationToken);

    /// <summary>Reads one task by its task id or its external task id (Kling matches the path segment against both).</summary>
    public ValueTask<KlingTaskRead> GetAsync(string id, CancellationToken cancellationToken) => GetAsync(id, _readTask, pooledReply: false, cancellationToken);

    public ValueTask<KlingTaskListReply> ListAsync(int pageNum, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNum, MaxPageNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        return _transport.SendValueAsync(
            new VendorCall<TRoutes>(VendorOperations.List, (routes, ct) => routes.ListAsync(pageNum, pageSize, ct)),
            _readTaskList,
            cancellationToken);
    }

    /// <summary>The neutral create: the request mapped to Kling's body, local media streamed in per attempt.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var body = KlingRequestMapper.ToBody(submission);
        return ToTask(await CreateAsync(body, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false), submission.ExternalTaskId);
    }

    /// <inheritdoc />
    public object Api => this;

    /// <summary>Kling's account calls, for the neutral balance; <see langword="null"/> on a host without them (PowerTokens).</summary>
    internal KlingAccountEndpoints? Account { get; init; }

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        Account?.GetBalanceAsync(cancellationToken) ?? throw new NotSupportedException("This host has no endpoint for the account's balance.");

    /// <summary>The neutral read of one task.</summary>
    public Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken) =>
        GetAsync(taskId, _readNeutralTask, pooledReply: false, cancellationToken).AsTask();

    /// <summary>Looks a task up by the external id its create carried; <see langword="null"/> when Kling provably has none.</summary>
    public async Task<MotionControlTask?> FindByExternalTaskIdAsync(string externalTaskId, CancellationToken cancellationToken)
    {
        try
        {
            return ToTask(await GetAsync(externalTaskId, cancellationToken).ConfigureAwait(false), externalTaskId);
        }
        catch (MotionControlTaskNotFoundException)
        {
            // Kling answers 1201 "Task not found by id/external id": the create provably did not land.
            return null;
        }
    }

    /// <summary>The neutral list: Kling's pages in order, filtered by status here (Kling's list has no status filter).</summary>
    public IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions options, CancellationToken cancellationToken)
    {
        var pageSize = options.PageSize ?? KlingClient.DefaultPageSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize, nameof(options.PageSize));
        return Pages(pageSize, options.Status, options.MaxItems, cancellationToken);
    }

    private async IAsyncEnumerable<MotionControlTask> Pages(int pageSize, MotionControlTaskStatus? status, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var yielded = 0;
        for (var pageNum = 1; pageNum <= MaxPageNumber && yielded < (maxItems ?? int.MaxValue); pageNum++)
        {
            var page = await ListAsync(pageNum, pageSize, cancellationToken).ConfigureAwait(false);
            var tasks = page.Response.Data;
            for (var i = 0; i < tasks.Count && yielded < (maxItems ?? int.MaxValue); i++)
            {
                var task = KlingTaskMapper.ToTask(_transport.ProviderName, tasks[i], page.Raw[i], _reportUnknownStatus, _transport.Redactor);
                if (status is null || task.Status == status)
                {
                    yielded++;
                    yield return task;
                }
            }

            if (tasks.Count < pageSize)
            {
                yield break;
            }
        }
    }

    // The typed calls below return the envelope DTO only (no JSON kept), so their replies are read into pooled buffers.

    /// <inheritdoc cref="IKlingApi.CreateMotionControlTaskAsync"/>
    public async Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request, KlingJsonContext.Default.KlingMotionControlRequest, null);
        return await CreateAsync(body, WireBody.Content, _readTaskResponse, pooledReply: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IKlingApi.GetMotionControlTaskAsync"/>
    public async Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        await GetAsync(taskId, _readTaskResponse, pooledReply: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="IKlingApi.GetMotionControlTaskByExternalIdAsync"/>
    public async Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default) =>
        await GetAsync(externalTaskId, _readTaskResponse, pooledReply: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="IKlingApi.ListMotionControlTasksAsync"/>
    public async Task<KlingResponse<IReadOnlyList<KlingTask>>> ListMotionControlTasksAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default) =>
        (await ListAsync(pageNum, pageSize, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>
    /// Sends a create; <paramref name="pooledReply"/> only when <paramref name="read"/> keeps nothing of the reply's bytes
    /// (see <see cref="VendorCall{TRoutes}.PooledReply"/>).
    /// </summary>
    private ValueTask<T> CreateAsync<T>(ReadOnlyMemory<byte> body, Func<ReadOnlyMemory<byte>, HttpContent> createContent, Func<VendorReply, T> read, bool pooledReply, CancellationToken cancellationToken) =>
        _transport.SendValueAsync(
            VendorCall<TRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateAsync(call.CreateContent(), ct)) with { PooledReply = pooledReply },
            read,
            cancellationToken);

    private ValueTask<T> GetAsync<T>(string id, Func<VendorReply, T> read, bool pooledReply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _transport.SendValueAsync(
            VendorCall<TRoutes>.Get(id, static (routes, call, ct) => routes.GetAsync(call.TaskId!, ct)) with { PooledReply = pooledReply },
            read,
            cancellationToken);
    }

    /// <inheritdoc />
    public bool ReadsCallbacks => true;

    /// <inheritdoc />
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body) =>
        KlingCallbacks.Parse(_transport.ProviderName, body, _reportUnknownStatus, _transport.Redactor);

    private MotionControlTask ToTask(in KlingTaskRead task, string? externalTaskId) =>
        KlingTaskMapper.ToTask(_transport.ProviderName, task, _reportUnknownStatus, _transport.Redactor, externalTaskId);

    /// <summary>The neutral read: the common shape straight from the bytes (<see cref="KlingTaskReader"/>), else the DTO path.</summary>
    private KlingTaskRead ReadTask(VendorReply reply)
    {
        if (KlingTaskReader.TryRead(reply, out var task))
        {
            return task;
        }

        var (envelope, raw) = KlingEnvelopes.Read(reply, _errors, KlingJsonContext.Default.KlingEnvelopeKlingTask);
        return KlingTaskRead.Of(Checked(reply, envelope.Data!), LazyJson.Part(raw, Data));
    }

    /// <summary><see cref="ReadTask"/> for the typed APIs, which return the envelope only (no task JSON kept for <c>Raw</c>).</summary>
    private KlingResponse<KlingTask> ReadTaskResponse(VendorReply reply)
    {
        var envelope = KlingEnvelopes.Read(reply, _errors, KlingJsonContext.Default.KlingEnvelopeKlingTask).Value;
        return KlingEnvelopes.Response(envelope.Message, envelope.RequestId, reply, Checked(reply, envelope.Data!));
    }

    private KlingTaskListReply ReadTaskList(VendorReply reply)
    {
        var (envelope, raw) = KlingEnvelopes.Read(reply, _errors, KlingJsonContext.Default.KlingEnvelopeListKlingTask);
        var tasks = envelope.Data!;
        var parts = new LazyJson[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            Checked(reply, tasks[i]);
            parts[i] = LazyJson.Part(raw, Data, i);
        }

        return new KlingTaskListReply(KlingEnvelopes.Response<IReadOnlyList<KlingTask>>(envelope.Message, envelope.RequestId, reply, tasks), parts);
    }

    private static KlingTask Checked(VendorReply reply, KlingTask task) =>
        task is { TaskId.Length: > 0 } ? task : throw reply.ProtocolError("a task has no task_id");

    private T Interpret<T>(VendorReply reply, Func<VendorReply, T> read) => KlingEnvelopes.Interpret(_transport, reply, read);
}
