using Refit;

namespace MotionControl.Http;

/// <summary>
/// How a vendor client reaches its vendor: where each call gets its Refit routes, the authenticator behind them (one
/// object, shared with the HTTP handler, so a token the vendor rejects is forgotten everywhere), and the HTTP client the
/// SDK created and must dispose, if any.
/// </summary>
/// <typeparam name="TRoutes">The vendor's Refit route interface.</typeparam>
internal sealed class VendorConnection<TRoutes> : IVendorConnection
    where TRoutes : class
{
    private readonly HttpClient? _owned;

    /// <summary>A connection whose routes come from a source (the keyed Refit client of a DI registration, per call).</summary>
    /// <param name="routes">Returns the routes for one call.</param>
    /// <param name="authenticator">The credentials applied by the source's handler chain.</param>
    public VendorConnection(Func<TRoutes> routes, IRequestAuthenticator authenticator)
    {
        Routes = routes;
        Authenticator = authenticator;
    }

    private VendorConnection(HttpClient owned, TRoutes routes, IRequestAuthenticator authenticator)
        : this(() => routes, authenticator)
    {
        _owned = owned;
    }

    public Func<TRoutes> Routes { get; }

    public IRequestAuthenticator Authenticator { get; }

    /// <summary>
    /// The SDK's own HTTP client for one vendor client, or one wrapped around the caller's: the vendor base address, the
    /// authentication handler, and the generated routes on it.
    /// </summary>
    /// <param name="baseAddress">The vendor host.</param>
    /// <param name="authenticator">The vendor's credentials.</param>
    /// <param name="callers">The caller's client, or <see langword="null"/> for the SDK's own.</param>
    /// <param name="settings">The vendor's Refit settings.</param>
    /// <returns>The connection; disposing it disposes what the SDK created (never the caller's client).</returns>
    public static VendorConnection<TRoutes> Create(Uri baseAddress, IRequestAuthenticator authenticator, HttpClient? callers, RefitSettings settings)
    {
        // The SDK's own chain: connection lifetime bounded so DNS changes are seen; Polly and the transport own every
        // timeout. No decompression (vendor replies are a few KB of JSON) and no redirects: an API host that redirects
        // would lose the Authorization header on the way, so the 3xx is reported instead (see MotionControlClientOptions.BaseAddress).
        HttpMessageHandler inner = callers is null ? VendorHttpClients.PrimaryHandler() : new CallerHttpClientHandler(callers);
        var client = new HttpClient(new VendorRequestHandler(authenticator) { InnerHandler = inner }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new VendorConnection<TRoutes>(client, RestService.ForGenerated<TRoutes>(client, settings), authenticator);
    }

    public void Dispose() => _owned?.Dispose();
}

/// <summary>What the neutral client holds of a vendor connection: the credentials behind it; disposed with the client.</summary>
internal interface IVendorConnection : IDisposable
{
    IRequestAuthenticator Authenticator { get; }
}
