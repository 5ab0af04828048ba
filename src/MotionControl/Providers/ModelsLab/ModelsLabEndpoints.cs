using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Http;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab's calls over its Refit routes, and its typed API, with the key written into every body.</summary>
internal sealed class ModelsLabEndpoints : IModelsLabApi
{
    private readonly VendorTransport<IModelsLabRoutes> _transport;
    private readonly string _apiKey;
    private readonly byte[] _fetchBody;

    public ModelsLabEndpoints(VendorTransport<IModelsLabRoutes> transport, string apiKey)
    {
        _transport = transport;
        _apiKey = apiKey;
        _fetchBody = JsonSerializer.SerializeToUtf8Bytes(new ModelsLabFetchRequest { Key = apiKey }, ModelsLabJsonContext.Default.ModelsLabFetchRequest);
    }

    private static ModelsLabErrorPolicy Errors => ModelsLabErrorPolicy.Instance;

    public async Task<ModelsLabVideoResponse> CreateMotionControlTaskAsync(ModelsLabMotionControlRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ModelsLabVideoResponse> FetchMotionControlTaskAsync(string id, CancellationToken cancellationToken = default) =>
        (await FetchAsync(id, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ModelsLabWalletBalance> GetWalletBalanceAsync(CancellationToken cancellationToken = default) =>
        await WalletBalanceAsync(static reply => ReadWallet(reply), cancellationToken).ConfigureAwait(false);

    /// <summary>The neutral balance: <c>data.balance</c> in <c>data.currency</c>; a reply without either is a protocol error.</summary>
    internal ValueTask<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        WalletBalanceAsync(
            static reply =>
            {
                var data = ReadWallet(reply).Data;
                return new MotionControlBalance
                {
                    Amount = data?.Balance ?? throw reply.ProtocolError("the wallet reply carries no data.balance"),
                    Unit = string.IsNullOrWhiteSpace(data.Currency) ? throw reply.ProtocolError("the wallet reply carries no data.currency") : data.Currency,
                    Source = "data.balance",
                };
            },
            cancellationToken);

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal ValueTask<WireReply<ModelsLabVideoResponse>> CreateAsync(
        ModelsLabMotionControlRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request with { Key = _apiKey }, ModelsLabJsonContext.Default.ModelsLabMotionControlRequest, additionalProperties);
        return _transport.SendValueAsync(
            VendorCall<IModelsLabRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateAsync(call.CreateContent(), ct)),
            ReadCreate,
            cancellationToken);
    }

    internal ValueTask<WireReply<ModelsLabVideoResponse>> FetchAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);

        // A POST, but a read: it changes nothing at ModelsLab, so it is retried like a GET.
        return _transport.SendValueAsync(
            new VendorCall<IModelsLabRoutes>("fetch", static (routes, call, ct) => routes.FetchAsync(call.TaskId!, call.CreateContent(), ct))
            {
                TaskId = id,
                Body = _fetchBody,
                State = (Func<ReadOnlyMemory<byte>, HttpContent>)WireBody.Content,
            },
            ReadFetch,
            cancellationToken);
    }

    /// <summary>Reads a create reply. Any error (HTTP or <c>status:"error"</c>) means ModelsLab refused the task: it throws.</summary>
    /// <summary>Sends the key-only body to the wallet route: a POST, but a read (it changes nothing), so retried like a GET.</summary>
    private ValueTask<T> WalletBalanceAsync<T>(Func<VendorReply, T> read, CancellationToken cancellationToken) =>
        _transport.SendValueAsync(
            new VendorCall<IModelsLabRoutes>(VendorOperations.Balance, static (routes, call, ct) => routes.WalletBalanceAsync(call.CreateContent(), ct))
            {
                Body = _fetchBody,
                State = (Func<ReadOnlyMemory<byte>, HttpContent>)WireBody.Content,
                PooledReply = true,
            },
            read,
            cancellationToken);

    private static ModelsLabWalletBalance ReadWallet(VendorReply reply)
    {
        var wallet = WireReply<ModelsLabWalletBalance>.Read(reply, ModelsLabJsonContext.Default.ModelsLabWalletBalance, Errors).Value;
        return ModelsLabErrorPolicy.IsError(wallet.Status) ? throw Errors.Map(reply) : wallet;
    }

    private static WireReply<ModelsLabVideoResponse> ReadCreate(VendorReply reply)
    {
        var created = WireReply<ModelsLabVideoResponse>.Read(reply, ModelsLabJsonContext.Default.ModelsLabVideoResponse, Errors);
        if (ModelsLabErrorPolicy.IsError(created.Value.Status))
        {
            throw Errors.Map(reply);
        }

        // Without an id the task cannot be followed, though it may exist (and be charged): an unknown outcome, not a refusal.
        return created.Value.Id is null ? throw reply.ProtocolError("the reply carries neither an id nor a fetch_result") : created;
    }

    /// <summary>
    /// Reads a fetch reply. An error status is the task's own failure (returned, for the caller to map) unless its
    /// message says the id is unknown (<see cref="MotionControlTaskNotFoundException"/>) or the key is refused.
    /// </summary>
    private static WireReply<ModelsLabVideoResponse> ReadFetch(VendorReply reply)
    {
        var fetched = WireReply<ModelsLabVideoResponse>.Read(reply, ModelsLabJsonContext.Default.ModelsLabVideoResponse, Errors);
        var wire = fetched.Value;
        if (ModelsLabErrorPolicy.IsError(wire.Status))
        {
            if (ModelsLabErrorPolicy.FetchFailure(reply, wire.Message) is { } refused)
            {
                throw refused;
            }
        }
        else if (string.Equals(wire.Status, "success", StringComparison.OrdinalIgnoreCase) && wire.VideoUrl is null)
        {
            // Transient on purpose: a read is retried and a wait keeps polling, in case the links are filled in a moment later.
            throw reply.ProtocolError("the task reports success but carries no output, proxy_links or future_links URL");
        }

        return fetched;
    }
}
