using System.Net;

namespace MotionControl.Http;

/// <summary>
/// The two network hooks of the SSRF guard, for tests: how a host name is resolved, and how a checked address is
/// connected to (a test maps a public-looking name to a test address and routes it to a loopback server, and records
/// every address the guard connected to). Either may be left <see langword="null"/> for the default.
/// </summary>
/// <param name="Resolver">Host name to addresses.</param>
/// <param name="Connector">Opens a TCP stream to one address the guard allowed.</param>
internal sealed record RemoteMediaNetwork(
    Func<string, CancellationToken, ValueTask<IPAddress[]>>? Resolver,
    Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? Connector);
