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

    public async Task<KlingResponse<KlingAccountCosts>> GetCostsAsync(DateTimeOffset startTime, DateTimeOffset endTime, string? resourcePackName, CancellationToken cancellationToken)
    {
        if (endTime < startTime)
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "end_time must not be before start_time.");
        }

        return await SendAsync(startTime, endTime, resourcePackName, Read, cancellationToken).ConfigureAwait(false);
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
