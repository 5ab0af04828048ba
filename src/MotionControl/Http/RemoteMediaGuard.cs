using System.Net;
using System.Net.Sockets;

namespace MotionControl.Http;

/// <summary>
/// The SSRF guard of every request the SDK makes to a media URL it did not choose (remote pre-flight, result downloads):
/// only http(s), and only to public addresses, unless the URL's origin (scheme, host, port) is trusted — listed in
/// <see cref="MotionControlClientOptions.RemoteMediaAllowList"/>, or the client's own <c>BaseAddress</c>. Checked twice:
/// on each URL before it is requested (every redirect hop; literal addresses), and on the address actually connected to
/// (<see cref="ConnectAsync"/>, the handler's <see cref="SocketsHttpHandler.ConnectCallback"/>), so a name that resolves
/// to a private address — or a redirect to one — never reaches it.
/// </summary>
internal sealed class RemoteMediaGuard
{
    /// <summary>Where a request carries the guard that its connection must pass (read by <see cref="ConnectCallback"/>).</summary>
    public static readonly HttpRequestOptionsKey<RemoteMediaGuard> RequestOption = new("MotionControl.RemoteMediaGuard");

    /// <summary>Addresses no untrusted media URL may reach (IPv4-mapped IPv6 addresses are checked as their IPv4 address).</summary>
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (cloud metadata services: 169.254.169.254)
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fc00::/7"),         // unique local (private)
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private readonly HashSet<string> _trustedOrigins;

    public RemoteMediaGuard(IEnumerable<Uri> trustedOrigins, RemoteMediaNetwork? network = null)
    {
        _trustedOrigins = new HashSet<string>(trustedOrigins.Where(u => u.IsAbsoluteUri).Select(OriginOf), StringComparer.OrdinalIgnoreCase);
        Resolver = network?.Resolver ?? DefaultResolveAsync;
        Connector = network?.Connector ?? DefaultConnectAsync;
    }

    /// <summary>A guard that trusts no origin (downloads through a client that is not the SDK's).</summary>
    public static RemoteMediaGuard Default { get; } = new([]);

    /// <summary>Resolves a host name to its addresses (default: <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>).</summary>
    public Func<string, CancellationToken, ValueTask<IPAddress[]>> Resolver { get; }

    /// <summary>Opens the TCP connection to one checked address (default: a socket).</summary>
    public Func<IPEndPoint, CancellationToken, ValueTask<Stream>> Connector { get; }

    /// <summary>
    /// The connect callback of a guarded handler: a request that carries a guard (<see cref="RequestOption"/>) connects
    /// only through it; one that carries none (fal's uploads to its pre-signed storage on the same client) connects as usual.
    /// </summary>
    public static ValueTask<Stream> ConnectCallback(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        context.InitialRequestMessage.Options.TryGetValue(RequestOption, out var guard)
            ? guard.ConnectAsync(context, cancellationToken)
            : DefaultConnectByNameAsync(context.DnsEndPoint, cancellationToken);

    /// <summary>True when <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in NonPublic)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="host"/> is a name reserved for documentation and testing, never a real media host:
    /// <c>example.com</c>, <c>example.net</c>, <c>example.org</c> and their subdomains (RFC 2606), and names under the
    /// <c>.example</c>, <c>.test</c> and <c>.invalid</c> top-level domains (RFC 2606, RFC 6761). Such URLs are not fetched
    /// (no DNS query either): placeholders in samples and tests stay offline and give the same answer on every machine.
    /// </summary>
    public static bool IsReservedName(string host)
    {
        var name = host.TrimEnd('.');
        foreach (var domain in (ReadOnlySpan<string>)["example.com", "example.net", "example.org"])
        {
            if (name.Equals(domain, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var tld in (ReadOnlySpan<string>)[".example", ".test", ".invalid"])
        {
            if (name.EndsWith(tld, StringComparison.OrdinalIgnoreCase) || name.Equals(tld[1..], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the URL's origin is trusted (allow-list or the client's base address).</summary>
    public bool IsTrusted(Uri uri) => uri.IsAbsoluteUri && _trustedOrigins.Contains(OriginOf(uri));

    /// <summary>Why a URL may not be requested (scheme, or a literal non-public address), or <see langword="null"/>.</summary>
    /// <remarks>A host name is checked when it is connected to (<see cref="ConnectAsync"/>): its addresses are known only then.</remarks>
    public string? Refusal(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"only http and https URLs are fetched, and this is {(uri.IsAbsoluteUri ? "a " + uri.Scheme : "a relative")} URL";
        }

        if (IsTrusted(uri))
        {
            return null;
        }

        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && !IsPublic(literal)
            ? $"{literal} is not a public address"
            : null;
    }

    /// <summary>Resolves the request's host, keeps only the addresses it may reach, and connects to the first that answers.</summary>
    /// <exception cref="RemoteMediaRefusedException">Every address of the host is non-public and its origin is not trusted.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var trusted = context.InitialRequestMessage.RequestUri is { } uri && IsTrusted(uri);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Resolver(host, cancellationToken).ConfigureAwait(false);
        var allowed = trusted ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new RemoteMediaRefusedException(addresses.Length == 0
                ? $"{host} has no address"
                : $"{host} resolves only to non-public addresses ({string.Join(", ", addresses.Select(a => a.ToString()))})");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            try
            {
                return await Connector(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                last = ex;
            }
        }

        throw last!;
    }

    /// <summary>An origin as a comparable key: scheme, host and port (default ports made explicit).</summary>
    private static string OriginOf(Uri uri) => $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";

    private static ValueTask<IPAddress[]> DefaultResolveAsync(string host, CancellationToken cancellationToken) =>
        new(Dns.GetHostAddressesAsync(host, cancellationToken));

    private static async ValueTask<Stream> DefaultConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async ValueTask<Stream> DefaultConnectByNameAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        // What SocketsHttpHandler does without a callback: a dual-mode socket connected by name.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
