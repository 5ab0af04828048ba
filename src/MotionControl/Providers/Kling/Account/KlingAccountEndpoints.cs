using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's account calls behind <see cref="IKlingApi"/> (https://kling.ai/document-api/api/assets/account-usage), and the
/// neutral balance read from them. The envelope rule of every Kling call (HTTP 2xx <b>and</b> <c>code</c> 0).
/// </summary>
internal sealed class KlingAccountEndpoints(VendorTransport<IKlingServiceRoutes> transport, IVendorErrorPolicy errors, TimeProvider timeProvider)
{
    /// <summary>
    /// The window the neutral balance asks about: the last 365 days [inferred: the page requires <c>start_time</c> and
    /// <c>end_time</c> but states no limit on the window].
    /// </summary>
    public static readonly TimeSpan BalanceWindow = TimeSpan.FromDays(365);

    /// <summary>The vendor fields the neutral balance sums.</summary>
    public const string BalanceSource = "resource_pack_subscribe_infos[status=online].remaining_quantity";

    /// <summary>The filters the balance ledger takes.</summary>
    internal static readonly string[] BalanceLedgerFilters = [KlingLedgerFilter.ApiKeyName];

    /// <summary>The filters the unit ledger takes.</summary>
    internal static readonly string[] UnitLedgerFilters = [KlingLedgerFilter.ApiKeyName, KlingLedgerFilter.ProductType, KlingLedgerFilter.PackageName, KlingLedgerFilter.PackageId];

    public async Task<KlingResponse<KlingAccountCosts>> GetCostsAsync(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName, CancellationToken cancellationToken)
    {
        if (endTime < startTime)
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "end_time must not be before start_time.");
        }

        return await SendAsync(startTime, endTime, resourcePackName, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlingResponse<KlingLedger<KlingBalanceLedgerEntry>>> GetBalanceDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken)
    {
        var body = LedgerBody(query, BalanceLedgerFilters);
        return await SendLedgerAsync(
            body,
            static (routes, call, ct) => routes.GetBalanceLedgerAsync(call.CreateContent(), ct),
            KlingJsonContext.Default.KlingEnvelopeKlingLedgerKlingBalanceLedgerEntry,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlingResponse<KlingLedger<KlingUnitLedgerEntry>>> GetUnitDeductionsAsync(KlingLedgerQuery query, CancellationToken cancellationToken)
    {
        var body = LedgerBody(query, UnitLedgerFilters);
        return await SendLedgerAsync(
            body,
            static (routes, call, ct) => routes.GetUnitLedgerAsync(call.CreateContent(), ct),
            KlingJsonContext.Default.KlingEnvelopeKlingLedgerKlingUnitLedgerEntry,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks a ledger query as the pages document it and builds the body: a cursor alone (it overrides the rest), or a
    /// window that must be given and increasing, a limit of 1–500, and filters this ledger takes (values of one filter
    /// are OR-ed; the pack name and the pack id exclude each other).
    /// </summary>
    internal static byte[] LedgerBody(KlingLedgerQuery query, IReadOnlyCollection<string> filterKeys)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!string.IsNullOrWhiteSpace(query.Cursor))
        {
            return WireBody.Serialize(new KlingLedgerRequest { Cursor = query.Cursor }, KlingJsonContext.Default.KlingLedgerRequest, null);
        }

        if (query.StartTime is not { } start || query.EndTime is not { } end)
        {
            throw new ArgumentException("A ledger query without a cursor needs StartTime and EndTime.", nameof(query));
        }

        if (end <= start)
        {
            throw new ArgumentException("EndTime must be later than StartTime.", nameof(query));
        }

        if (query.Limit is < 1 or > KlingLedgerQuery.MaxLimit)
        {
            throw new ArgumentException(FormattableString.Invariant($"Limit must be 1–{KlingLedgerQuery.MaxLimit} (was {query.Limit})."), nameof(query));
        }

        List<KlingLedgerRequestFilter>? filters = null;
        foreach (var filter in query.Filters ?? [])
        {
            if (filter is null || filter.Values is null || filter.Values.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException("A ledger filter needs a key and values that are not blank.", nameof(query));
            }

            if (!filterKeys.Contains(filter.Key))
            {
                throw new ArgumentException($"This ledger filters by {string.Join(", ", filterKeys)}, not '{filter.Key}'.", nameof(query));
            }

            (filters ??= []).Add(new KlingLedgerRequestFilter(filter.Key, filter.Values));
        }

        // The documented request example sends both keys with no values: only two that filter exclude each other.
        if (filters is not null && filters.Exists(f => f is { Key: KlingLedgerFilter.PackageName, Values.Count: > 0 }) && filters.Exists(f => f is { Key: KlingLedgerFilter.PackageId, Values.Count: > 0 }))
        {
            throw new ArgumentException("Kling takes a filter by package_name or by package_id, not both.", nameof(query));
        }

        var body = new KlingLedgerRequest { StartTime = start.ToUnixTimeMilliseconds(), EndTime = end.ToUnixTimeMilliseconds(), Limit = query.Limit, Filters = filters };
        return WireBody.Serialize(body, KlingJsonContext.Default.KlingLedgerRequest, null);
    }

    /// <summary>
    /// The neutral balance: the <c>remaining_quantity</c> of every pack <c>online</c> in the last 365 days, in units;
    /// no <see cref="MotionControlBalance.AsOf"/> (Kling's figure lags up to 12 hours and gives no time for it).
    /// </summary>
    public async Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return await SendAsync(now - BalanceWindow, now, null, reply => ToBalance(Read(reply).Data), cancellationToken).ConfigureAwait(false);
    }

    private static MotionControlBalance ToBalance(KlingAccountCosts costs)
    {
        decimal sum = 0;
        foreach (var pack in costs.ResourcePacks ?? [])
        {
            if (pack is not null && string.Equals(pack.Status, KlingResourcePack.Online, StringComparison.OrdinalIgnoreCase))
            {
                sum += pack.RemainingQuantity ?? 0;
            }
        }

        return new MotionControlBalance { Amount = sum, Unit = MotionControlCharge.Units, Source = BalanceSource };
    }

    /// <summary>Sends a ledger page query: a POST that reads, so retried like a read (operation <c>balance</c>).</summary>
    private ValueTask<KlingResponse<KlingLedger<TEntry>>> SendLedgerAsync<TEntry>(
        byte[] body,
        Func<IKlingServiceRoutes, VendorCall<IKlingServiceRoutes>, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<KlingEnvelope<KlingLedger<TEntry>>> typeInfo,
        CancellationToken cancellationToken)
        where TEntry : KlingLedgerEntry =>
        transport.SendValueAsync(
            new VendorCall<IKlingServiceRoutes>(VendorOperations.Balance, send)
            {
                Body = body,
                State = (Func<ReadOnlyMemory<byte>, HttpContent>)WireBody.Content,
                PooledReply = true,
            },
            reply => Interpret(reply, r =>
            {
                var envelope = KlingEnvelopes.Read(r, errors, typeInfo).Value;
                var data = envelope.Data ?? throw r.ProtocolError("the reply carries no data");
                return KlingEnvelopes.Response(envelope.Message, envelope.RequestId, r, data);
            }),
            cancellationToken);

    private ValueTask<T> SendAsync<T>(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName, Func<VendorReply, T> read, CancellationToken cancellationToken)
    {
        var start = startTime.ToUnixTimeMilliseconds();
        var end = endTime.ToUnixTimeMilliseconds();
        var name = string.IsNullOrWhiteSpace(resourcePackName) ? null : resourcePackName;
        return transport.SendValueAsync(
            new VendorCall<IKlingServiceRoutes>(VendorOperations.Balance, (routes, ct) => routes.GetAccountCostsAsync(start, end, name, ct)) { PooledReply = true },
            reply => Interpret(reply, read),
            cancellationToken);
    }

    private KlingResponse<KlingAccountCosts> Read(VendorReply reply)
    {
        var envelope = KlingEnvelopes.Read(reply, errors, KlingJsonContext.Default.KlingEnvelopeKlingAccountCosts).Value;
        var data = envelope.Data ?? throw reply.ProtocolError("the reply carries no data");
        if (data.Code is { } code and not 0)
        {
            throw reply.ProtocolError(FormattableString.Invariant($"the account query failed (data.code {code}: {data.Msg})"));
        }

        return KlingEnvelopes.Response(envelope.Message, envelope.RequestId, reply, data);
    }

    private T Interpret<T>(VendorReply reply, Func<VendorReply, T> read) => KlingEnvelopes.Interpret(transport, reply, read);
}
