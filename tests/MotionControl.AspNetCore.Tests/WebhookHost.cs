using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotionControl.DependencyInjection;

namespace MotionControl.AspNetCore.Tests;

/// <summary>A real Kestrel app on 127.0.0.1 with MotionControl's webhooks mapped and a recording handler.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private WebhookHost(WebApplication app, Uri baseAddress, RecordingHandler handler)
    {
        App = app;
        BaseAddress = baseAddress;
        Handler = handler;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public RecordingHandler Handler { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WebhookHost> StartAsync(Action<MotionControlBuilder> vendors, Action<MotionControlWebhookOptions> webhooks, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null, Action<IServiceCollection>? services = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var handler = new RecordingHandler();
        builder.Services.AddSingleton<IMotionControlWebhookHandler>(handler);
        services?.Invoke(builder.Services);
        var motionControl = builder.Services.AddMotionControl();
        vendors(motionControl);
        motionControl.AddWebhooks(o =>
        {
            o.PublicBaseUrl = baseAddress;

            // Not registered in DI: Kestrel itself would run on a fake clock.
            o.TimeProvider = time;
            webhooks(o);
        });

        var app = builder.Build();
        app.MapMotionControlWebhooks("/hooks/motion-control");
        await app.StartAsync();
        return new WebhookHost(app, baseAddress, handler);
    }

    public Uri HookFor(string registration) => new(BaseAddress, "hooks/motion-control/" + registration);

    public MotionControlClient Client(string registration) =>
        (MotionControlClient)Services.GetRequiredService<IMotionControlClientFactory>().GetClient(registration);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Records each task it is handed; can be told to fail or to hang.</summary>
internal sealed class RecordingHandler : IMotionControlWebhookHandler
{
    private readonly ConcurrentQueue<MotionControlTask> _tasks = new();

    public IReadOnlyList<MotionControlTask> Tasks => [.. _tasks];

    public Func<MotionControlTask, CancellationToken, Task>? Behaviour { get; set; }

    public async Task HandleAsync(MotionControlTask task, CancellationToken cancellationToken)
    {
        if (Behaviour is { } behaviour)
        {
            await behaviour(task, cancellationToken);
        }

        _tasks.Enqueue(task);
    }
}
