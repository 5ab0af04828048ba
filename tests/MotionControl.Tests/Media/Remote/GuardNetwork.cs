using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MotionControl.Http;

namespace MotionControl.Tests.Media.Remote;

/// <summary>
/// The SSRF guard's hooks for tests: names resolve from a table (an unknown name does not resolve), an address may be
/// routed to a loopback server (a "public" test address answered by 127.0.0.1), and every address the guard connects to
/// is recorded — the proof that no refused address was ever reached.
/// </summary>
internal sealed class GuardNetwork
{
    public Dictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<IPAddress, IPEndPoint> Routes { get; } = [];

    public ConcurrentQueue<IPEndPoint> Connects { get; } = new();

    public ConcurrentQueue<string> Resolved { get; } = new();

    public RemoteMediaNetwork Hooks => new(ResolveAsync, ConnectAsync);

    private ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Resolved.Enqueue(host);
        return Names.TryGetValue(host, out var addresses)
            ? ValueTask.FromResult(addresses)
            : ValueTask.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }

    private async ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        Connects.Enqueue(endPoint);
        var target = Routes.TryGetValue(endPoint.Address, out var routed) ? routed : endPoint;
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
