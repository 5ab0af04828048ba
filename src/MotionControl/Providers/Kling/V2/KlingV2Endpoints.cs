using System.Globalization;
using System.Runtime.CompilerServices;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling API 2.0's motion-control calls: the typed ones behind <see cref="IKlingApi"/> and the neutral contract behind
/// <see cref="MotionControlClient"/>. The same envelope rule as the legacy contract (HTTP 2xx <b>and</b> <c>code</c> 0).
/// </summary>
internal sealed class KlingV2Endpoints : IVendorTasks
{
    /// <summary>Kling's batch cap for <c>GET /tasks</c>: 20 ids per request.</summary>
    public const int MaxIdsPerRequest = 20;

    /// <summary>The cursor list's page-size range: 1–500.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The cursor list's default page size (Kling's own): 100.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The path model of kling-3.0 (elements allowed).</summary>
    public const string Kling30 = "kling-3.0";

    /// <summary>The path model of kling-2.6.</summary>
    public const string Kling26 = "kling-2.6";

    private const string Data = "data";

    private readonly VendorTransport<IKlingServiceRoutes> _transport;
    private readonly IVendorErrorPolicy _errors;
    private readonly VendorTaskContext _context;
    private readonly Func<VendorReply, KlingV2Reply<KlingV2Task>> _readTask;
    private readonly Func<VendorReply, KlingV2Reply<List<KlingV2Task>>> _readTasks;
    private readonly Func<VendorReply, KlingV2Reply<KlingV2TaskPage>> _readPage;

    public KlingV2Endpoints(VendorTransport<IKlingServiceRoutes> transport, IVendorErrorPolicy errors, VendorTaskContext context)
    {
        _transport = transport;
        _errors = errors;
        _context = context;
        _readTask = reply => Read(reply, KlingJsonContext.Default.KlingEnvelopeKlingV2Task);
        _readTasks = reply => Read(reply, KlingJsonContext.Default.KlingEnvelopeListKlingV2Task);
        _readPage = reply => Read(reply, KlingJsonContext.Default.KlingEnvelopeKlingV2TaskPage);
    }

    /// <inheritdoc />
    public object Api => this;

    /// <summary>Kling's account calls, for the neutral balance; <see langword="null"/> on a host without them (PowerTokens).</summary>
    internal KlingAccountEndpoints? Account { get; init; }

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        Account?.GetBalanceAsync(cancellationToken) ?? throw new NotSupportedException("This host has no endpoint for the account's balance.");

    /// <inheritdoc />
    public bool FiltersByCreationTime => true;

    /// <summary>The path model for a neutral or legacy model name: <c>kling-v3</c>/<c>kling-3.0</c> or <c>kling-v2-6</c>/<c>kling-2.6</c>.</summary>
    /// <param name="model">The model name.</param>
    /// <returns>The path model, or <see langword="null"/> for a name Kling's 2.0 contract does not have.</returns>
    public static string? PathModel(string? model) => model switch
    {
        Kling30 or KlingClient.KlingV3Model => Kling30,
        Kling26 or KlingClient.DefaultModel => Kling26,
        _ => null,
    };

    // ---- typed API ----

    public async Task<KlingResponse<KlingV2Task>> CreateAsync(string model, KlingV2MotionControlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathModel = PathModel(model) ?? throw new ArgumentException($"Kling API 2.0 has no motion-control model '{model}'; use {Kling30} or {Kling26}.", nameof(model));
        var body = WireBody.Serialize(request, KlingJsonContext.Default.KlingV2MotionControlRequest, null);
        var reply = await SendCreateAsync(pathModel, body, WireBody.Content, cancellationToken).ConfigureAwait(false);
        return reply.Response;
    }

    public async Task<KlingResponse<IReadOnlyList<KlingV2Task>>> GetTasksAsync(IEnumerable<string> taskIds, bool byExternalId, CancellationToken cancellationToken)
    {
        var ids = DistinctIds(taskIds);
        var tasks = new List<KlingV2Task>(ids.Count);
        KlingResponse<List<KlingV2Task>>? last = null;
        foreach (var chunk in ids.Chunk(MaxIdsPerRequest))
        {
            var reply = await GetChunkAsync(chunk, byExternalId, cancellationToken).ConfigureAwait(false);
            tasks.AddRange(reply.Response.Data);
            last = reply.Response;
        }

        return new KlingResponse<IReadOnlyList<KlingV2Task>> { Code = 0, Message = last?.Message, RequestId = last?.RequestId, Data = tasks };
    }

    public async Task<KlingResponse<KlingV2TaskPage>> ListAsync(KlingV2TaskListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, $"Kling's cursor list returns 1–{MaxPageSize} tasks per page.");
        }

        return (await SendListAsync(request, cancellationToken).ConfigureAwait(false)).Response;
    }

    // ---- neutral contract ----

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        // The model is the path: a model 2.0 does not have cannot be sent (and is never swapped for another).
        var pathModel = PathModel(submission.Model)
            ?? throw new NotSupportedException($"Kling API 2.0 has no motion-control model '{submission.Model}'; use {Kling30} or {Kling26} (or their legacy names {KlingClient.KlingV3Model} and {KlingClient.DefaultModel}). Nothing was sent.");
        var body = WireBody.Serialize(ToWire(submission), KlingJsonContext.Default.KlingV2MotionControlRequest, submission.Request.AdditionalProperties);
        var reply = await SendCreateAsync(pathModel, body, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply.Response.Data, reply.Raw, submission.ExternalTaskId);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await GetChunkAsync([taskId], byExternalId: false, cancellationToken).ConfigureAwait(false);
        var index = IndexOf(reply.Response.Data, taskId, byExternalId: false);
        return index < 0
            ? throw new MotionControlTaskNotFoundException($"Kling has no task '{taskId}' for this account (API 2.0 answered with no such task).") { ProviderName = _context.ProviderName, TaskId = taskId, RequestId = reply.Response.RequestId }
            : ToTask(reply.Response.Data[index], LazyJson.Item(reply.Raw, index), null);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask?> FindByExternalTaskIdAsync(string externalTaskId, CancellationToken cancellationToken)
    {
        // An unknown external id is simply absent (HTTP 200, data: []): the create provably did not land.
        var reply = await GetChunkAsync([externalTaskId], byExternalId: true, cancellationToken).ConfigureAwait(false);
        var index = IndexOf(reply.Response.Data, externalTaskId, byExternalId: true);
        return index < 0 ? null : ToTask(reply.Response.Data[index], LazyJson.Item(reply.Raw, index), externalTaskId);
    }

    /// <summary>The neutral batch read: chunks of <see cref="MaxIdsPerRequest"/>, in the order asked, unknown ids absent.</summary>
    public async Task<IReadOnlyList<MotionControlTask>> GetTasksNeutralAsync(IReadOnlyList<string> ids, bool byExternalId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, MotionControlTask>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(MaxIdsPerRequest))
        {
            var reply = await GetChunkAsync(chunk, byExternalId, cancellationToken).ConfigureAwait(false);
            var data = reply.Response.Data;
            for (var i = 0; i < data.Count; i++)
            {
                var task = ToTask(data[i], LazyJson.Item(reply.Raw, i), null);
                var key = byExternalId ? data[i].ExternalId : task.Id;
                if (key is not null)
                {
                    found.TryAdd(key, task);
                }
            }
        }

        var result = new List<MotionControlTask>(found.Count);
        foreach (var id in ids)
        {
            if (found.Remove(id, out var task))
            {
                result.Add(task);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions options, CancellationToken cancellationToken)
    {
        var pageSize = options.PageSize ?? DefaultPageSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize, nameof(options.PageSize));
        return Pages(options, pageSize, cancellationToken);
    }

    private async IAsyncEnumerable<MotionControlTask> Pages(MotionControlListOptions options, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? statusWord = options.Status switch
        {
            null => null,
            MotionControlTaskStatus.Queued => "submitted",
            MotionControlTaskStatus.Processing => "processing",
            MotionControlTaskStatus.Succeeded => "succeeded",
            MotionControlTaskStatus.Failed => "failed",

            // Kling has no canceled (or unknown) state: no task can match.
            _ => string.Empty,
        };
        if (statusWord is { Length: 0 })
        {
            yield break;
        }

        var request = new KlingV2TaskListRequest
        {
            StartTime = Milliseconds(options.CreatedAfter),
            EndTime = Milliseconds(options.CreatedBefore),
            Limit = pageSize,
            Filters = statusWord is null ? null : [new KlingV2TaskFilter { Key = "status", Values = [statusWord] }],
        };

        var yielded = 0;
        while (true)
        {
            var reply = await SendListAsync(request, cancellationToken).ConfigureAwait(false);
            var page = reply.Response.Data;
            var items = LazyJson.Part(reply.Raw, "result");
            for (var i = 0; i < page.Result.Count; i++)
            {
                // Read has refused a page with a task without an id.
                yield return ToTask(page.Result[i], LazyJson.Item(items, i), null);
                if (++yielded == options.MaxItems)
                {
                    yield break;
                }
            }

            // Kling says whether more follow; a cursor that does not move would loop forever.
            if (page.HasMore != true || string.IsNullOrEmpty(page.NextCursor) || page.NextCursor == request.Cursor || page.Result.Count == 0)
            {
                yield break;
            }

            request = request with { Cursor = page.NextCursor };
        }
    }

    // ---- wire ----

    /// <summary>The neutral request as Kling's 2.0 body.</summary>
    public static KlingV2MotionControlRequest ToWire(SubmissionContext submission)
    {
        var request = submission.Request;
        var contents = new List<KlingV2Content>(4);
        if (!string.IsNullOrEmpty(request.Prompt))
        {
            contents.Add(KlingV2Content.Prompt(request.Prompt));
        }

        contents.Add(KlingV2Content.Image(submission.ImageValue));
        contents.Add(KlingV2Content.Video(submission.VideoValue));
        // Validation refused an element given by its images (element.images): Kling takes ids.
        if (request.Element is { Id: { } elementId } element)
        {
            contents.Add(KlingV2Content.Element(elementId, element.PromptReference ?? DefaultElementReference));
        }

        var watermark = request.Watermark is { } enabled ? new KlingWatermarkInfo { Enabled = enabled } : null;
        var callback = request.CallbackUrl?.AbsoluteUri;
        return new KlingV2MotionControlRequest
        {
            Contents = contents,
            Settings = new KlingV2Settings
            {
                CharacterOrientation = submission.OrientationWire,
                Audio = request.KeepOriginalSound switch
                {
                    true => "original",
                    false => "off",
                    null => null,
                },
                Resolution = request.Mode switch
                {
                    GenerationMode.Pro => "1080p",
                    GenerationMode.Standard => "720p",
                    _ => null,
                },
            },
            Options = callback is null && submission.ExternalTaskId is null && watermark is null
                ? null
                : new KlingV2TaskOptions { CallbackUrl = callback, ExternalTaskId = submission.ExternalTaskId, WatermarkInfo = watermark },
        };
    }

    /// <summary>The prompt reference of an element given by id alone.</summary>
    public const string DefaultElementReference = "element_1";

    private ValueTask<KlingV2Reply<KlingV2Task>> SendCreateAsync(string pathModel, ReadOnlyMemory<byte> body, Func<ReadOnlyMemory<byte>, HttpContent> createContent, CancellationToken cancellationToken) =>
        _transport.SendValueAsync(
            pathModel == Kling30
                ? VendorCall<IKlingServiceRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateKling30Async(call.CreateContent(), ct))
                : VendorCall<IKlingServiceRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateKling26Async(call.CreateContent(), ct)),
            _readTask,
            cancellationToken);

    private ValueTask<KlingV2Reply<List<KlingV2Task>>> GetChunkAsync(IReadOnlyCollection<string> ids, bool byExternalId, CancellationToken cancellationToken)
    {
        // Each id escaped, the separator a literal comma (the route does not escape the query again).
        var joined = string.Join(',', ids.Select(Uri.EscapeDataString));
        return _transport.SendValueAsync(
            byExternalId
                ? VendorCall<IKlingServiceRoutes>.Get(joined, static (routes, call, ct) => routes.GetTasksAsync(null, call.TaskId, ct))
                : VendorCall<IKlingServiceRoutes>.Get(joined, static (routes, call, ct) => routes.GetTasksAsync(call.TaskId, null, ct)),
            _readTasks,
            cancellationToken);
    }

    private ValueTask<KlingV2Reply<KlingV2TaskPage>> SendListAsync(KlingV2TaskListRequest request, CancellationToken cancellationToken)
    {
        var body = WireBody.Serialize(request, KlingJsonContext.Default.KlingV2TaskListRequest, null);
        return _transport.SendValueAsync(
            new VendorCall<IKlingServiceRoutes>(VendorOperations.List, static (routes, call, ct) => routes.ListTasksAsync(WireBody.Content(call.Body), ct)) { Body = body },
            _readPage,
            cancellationToken);
    }

    private KlingV2Reply<T> Read<T>(VendorReply reply, System.Text.Json.Serialization.Metadata.JsonTypeInfo<KlingEnvelope<T>> typeInfo)
        where T : class
    {
        var (envelope, raw) = KlingEnvelopes.Read(reply, _errors, typeInfo);
        var data = envelope.Data!;

        // Every task the SDK maps needs its id; a null in a list is no task at all.
        var missingId = data switch
        {
            KlingV2Task task => task is { Id: null or "" },
            List<KlingV2Task> tasks => tasks.Exists(t => t is not { Id.Length: > 0 }),
            KlingV2TaskPage page => page.Result is null || page.Result.Any(t => t is not { Id.Length: > 0 }),
            _ => false,
        };
        if (missingId)
        {
            throw reply.ProtocolError("a task has no id");
        }

        return new KlingV2Reply<T>(KlingEnvelopes.Response(envelope.Message, envelope.RequestId, reply, data), LazyJson.Part(raw, Data));
    }

    /// <inheritdoc />
    public bool ReadsCallbacks => true;

    /// <inheritdoc />
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body) =>
        KlingCallbacks.Parse(_context.ProviderName, body, _context.ReportUnknownStatus, _context.Redactor);

    private MotionControlTask ToTask(KlingV2Task task, LazyJson raw, string? externalTaskId) =>
        KlingTaskMapper.ToTask(_context.ProviderName, task, raw, _context.ReportUnknownStatus, _context.Redactor, externalTaskId);

    private static int IndexOf(List<KlingV2Task> tasks, string id, bool byExternalId)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if (string.Equals(byExternalId ? tasks[i]?.ExternalId : tasks[i]?.Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The ids, each once, in order; refuses an empty one or one with a comma (the batch separator).</summary>
    public static List<string> DistinctIds(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id) || id.Contains(','))
            {
                throw new ArgumentException("Every task id must be non-empty and hold no comma.", nameof(ids));
            }

            if (seen.Add(id))
            {
                list.Add(id);
            }
        }

        return list;
    }

    private static string? Milliseconds(DateTimeOffset? time) =>
        time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>A 2.0 reply's typed envelope and the JSON of its <c>data</c>.</summary>
internal sealed record KlingV2Reply<T>(KlingResponse<T> Response, LazyJson Raw);
