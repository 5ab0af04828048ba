using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace MotionControl.Cli.Tests.Support;

/// <summary>
/// The media fixtures served over real HTTP on 127.0.0.1 (ASP.NET Core static files, ranged requests included), for
/// vendors that take a URL only (Kling, Vydra): <c>--video http://127.0.0.1:N/moov_first.mp4</c>.
/// </summary>
internal sealed class MediaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MediaServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    public string Url(string fixture) => new Uri(Root, fixture).AbsoluteUri;

    public static async Task<MediaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(Tool.Image)!),
            ServeUnknownFileTypes = true,
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MediaServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
