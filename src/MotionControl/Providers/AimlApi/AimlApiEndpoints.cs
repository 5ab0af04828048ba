using System.Text.Json.Nodes;
using MotionControl.Http;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI's calls over its Refit routes, and its typed API; errors by <see cref="AimlApiErrorPolicy"/>.</summary>
internal sealed class AimlApiEndpoints(VendorTransport<IAimlApiRoutes> transport) : IAimlApi
{
    private static AimlApiErrorPolicy Errors => AimlApiErrorPolicy.Instance;

    public async Task<AimlApiVideoGeneration> CreateVideoGenerationAsync(AimlApiVideoGenerationRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<AimlApiVideoGeneration> GetVideoGenerationAsync(string generationId, CancellationToken cancellationToken = default) =>
        (await GetAsync(generationId, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<AimlApiBilling> GetBillingAsync(CancellationToken cancellationToken = default) =>
        await BillingAsync(static reply => WireReply<AimlApiBilling>.Read(reply, AimlApiJsonContext.Default.AimlApiBilling, Errors).Value, cancellationToken).ConfigureAwait(false);

    /// <summary>The neutral balance: <c>current_balance</c> in <c>currency</c> (USD); a reply without the balance is a protocol error.</summary>
    internal ValueTask<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        BillingAsync(
            static reply =>
            {
                var billing = WireReply<AimlApiBilling>.Read(reply, AimlApiJsonContext.Default.AimlApiBilling, Errors).Value;
                return new MotionControlBalance
                {
                    Amount = billing.CurrentBalance ?? throw reply.ProtocolError("the billing reply carries no current_balance"),
                    Unit = string.IsNullOrWhiteSpace(billing.Currency) ? MotionControlCharge.Usd : billing.Currency,
                    Source = "current_balance",
                };
            },
            cancellationToken);

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal ValueTask<WireReply<AimlApiVideoGeneration>> CreateAsync(
        AimlApiVideoGenerationRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = WireBody.Serialize(request, AimlApiJsonContext.Default.AimlApiVideoGenerationRequest, additionalProperties);
        return transport.SendValueAsync(
            VendorCall<IAimlApiRoutes>.Create(body, createContent, static (routes, call, ct) => routes.CreateAsync(call.CreateContent(), ct)),
            ReadCreate,
            cancellationToken);
    }

    internal ValueTask<WireReply<AimlApiVideoGeneration>> GetAsync(string generationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generationId);
        return transport.SendValueAsync(
            VendorCall<IAimlApiRoutes>.Get(generationId, static (routes, call, ct) => routes.GetAsync(call.TaskId!, ct)),
            ReadGet,
            cancellationToken);
    }

    /// <summary>Reads a create reply: an HTTP error or a generation already in <c>error</c> is a refusal.</summary>
    private static WireReply<AimlApiVideoGeneration> ReadCreate(VendorReply reply)
    {
        var created = WireReply<AimlApiVideoGeneration>.Read(reply, AimlApiJsonContext.Default.AimlApiVideoGeneration, Errors);
        var wire = created.Value;
        if (string.Equals(wire.Status, "error", StringComparison.OrdinalIgnoreCase))
        {
            throw VendorError.Create(ErrorKind.RequestRejected, reply, wire.Error?.Name, wire.Error?.Message ?? wire.Error?.Name);
        }

        return string.IsNullOrWhiteSpace(wire.Id) ? throw reply.ProtocolError("the reply carries no generation id") : created;
    }

    /// <summary>Reads a query reply; a generation in <c>error</c> is returned (it is the task's failure, not the call's).</summary>
    private static WireReply<AimlApiVideoGeneration> ReadGet(VendorReply reply)
    {
        var generation = WireReply<AimlApiVideoGeneration>.Read(reply, AimlApiJsonContext.Default.AimlApiVideoGeneration, Errors);
        if (string.Equals(generation.Value.Status, "completed", StringComparison.OrdinalIgnoreCase) && !Uri.TryCreate(generation.Value.Video?.Url, UriKind.Absolute, out _))
        {
            // Transient on purpose: a read is retried and a wait keeps polling, in case the URL is filled in a moment later.
            throw reply.ProtocolError("the generation is completed but carries no video.url");
        }

        return generation;
    }

    private ValueTask<T> BillingAsync<T>(Func<VendorReply, T> read, CancellationToken cancellationToken) =>
        transport.SendValueAsync(
            new VendorCall<IAimlApiRoutes>(VendorOperations.Balance, static (routes, ct) => routes.BillingAsync(ct)) { PooledReply = true },
            read,
            cancellationToken);
}
