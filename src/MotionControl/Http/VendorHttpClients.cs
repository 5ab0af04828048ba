using System.Net;
using System.Text.Json.Serialization;
using Refit;

namespace MotionControl.Http;

/// <summary>What every vendor's HTTP client and Refit settings share.</summary>
internal static class VendorHttpClients
{
    /// <summary>The SDK's primary handler: no redirects followed, no compression asked for, connections recycled.</summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler PrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = false,
    };

    /// <summary>
    /// The handler of result downloads and remote media pre-flight: redirects are followed by <see cref="GuardedHttp"/>
    /// (so each hop passes the SSRF guard; no vendor credential is on these requests), every connection of a guarded
    /// request goes through <see cref="RemoteMediaGuard.ConnectCallback"/>, no compression asked for (videos are
    /// compressed already), connections recycled.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler DownloadHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = RemoteMediaGuard.ConnectCallback,
    };

    /// <summary>
    /// Refit settings for a vendor's routes: its source-generated JSON context (no reflection), and transport failures
    /// passed through as they are, so the transport maps them to the SDK's exceptions (no Refit type reaches a caller).
    /// Every route returns the raw <see cref="HttpResponseMessage"/>, which Refit hands back unread.
    /// </summary>
    /// <param name="context">The vendor's JSON context.</param>
    /// <returns>The settings.</returns>
    public static RefitSettings Settings(JsonSerializerContext context) =>
        new(new SystemTextJsonContentSerializer(context.Options))
        {
            TransportExceptionFactory = static (_, exception, _) => exception,
            HttpMessageHandlerFactory = PrimaryHandler,
        };
}
