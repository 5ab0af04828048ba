using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace MotionControl.ContractTests.Infrastructure;

/// <summary>
/// One WireMock server per test class, bound to 127.0.0.1 only, on a free port. Tests reset it (mappings, scenarios and
/// the request log) before they start, so a class reuses the server without state leaking between its tests.
/// </summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockFixture()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"],
            StartAdminInterface = false,
        });
        BaseAddress = new Uri($"http://127.0.0.1:{Server.Port}/");
    }

    public WireMockServer Server { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321/</c>: every vendor client's <c>BaseAddress</c>.</summary>
    public Uri BaseAddress { get; }

    public void Dispose() => Server.Stop();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
