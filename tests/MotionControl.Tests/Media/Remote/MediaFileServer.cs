using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MotionControl.Tests.Media.Remote;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel) serving media files the way media hosts do, or fail to: with or without
/// range support, HEAD, a Content-Length; redirects; a server that never answers. It records every request and the
/// body bytes it sent (the Content-Length of each GET reply).
/// </summary>
internal sealed class MediaFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private long _bytesSent;

    private MediaFileServer(WebApplication app)
    {
        _app = app;
    }

    public bool Ranges { get; set; } = true;

    public bool Head { get; set; } = true;

    public bool ContentLength { get; set; } = true;

    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    public ConcurrentQueue<(string Method, string Path, string? Range)> Requests { get; } = new();

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public static async Task<MediaFileServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new MediaFileServer(app);
        app.Use(server.RecordAsync);
        app.MapMethods("/files/{name}", ["GET", "HEAD"], server.ServeAsync);
        app.MapMethods("/hop/{name}", ["GET", "HEAD"], (string name) =>
            server._redirects.TryGetValue(name, out var target) ? Results.Redirect(target) : Results.NotFound());
        app.MapMethods("/slow", ["GET", "HEAD"], async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Serves <paramref name="bytes"/> at <c>/files/{name}</c>.</summary>
    public Uri Add(string name, byte[] bytes)
    {
        _files[name] = bytes;
        return new Uri(BaseAddress, "files/" + name);
    }

    /// <summary>Answers <c>/hop/{name}</c> with a 302 to <paramref name="target"/>.</summary>
    public Uri Redirect(string name, Uri target)
    {
        _redirects[name] = target.AbsoluteUri;
        return new Uri(BaseAddress, "hop/" + name);
    }

    public Uri Slow => new(BaseAddress, "slow");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Range.ToString() is { Length: > 0 } range ? range : null));
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) && context.Response.ContentLength is { } length)
        {
            Interlocked.Add(ref _bytesSent, length);
        }
    }

    private async Task<IResult> ServeAsync(string name, HttpContext context)
    {
        if (!_files.TryGetValue(name, out var bytes))
        {
            return Results.NotFound();
        }

        if (HttpMethods.IsHead(context.Request.Method) && !Head)
        {
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }

        if (!ContentLength)
        {
            // Chunked, no length, no ranges: what a streaming proxy may answer.
            context.Response.ContentType = "video/mp4";
            await context.Response.StartAsync();
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            }

            return Results.Empty;
        }

        return Results.Bytes(bytes, "application/octet-stream", enableRangeProcessing: Ranges);
    }
}
