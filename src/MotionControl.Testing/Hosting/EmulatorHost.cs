using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MotionControl.Testing;

/// <summary>Builds and starts the Kestrel app that serves every vendor's routes.</summary>
internal static class EmulatorHost
{
    // AIMLAPI accepts a video as a data: URI (up to 100 MB of video, about 134 MB of Base64); Kestrel's 30 MB default is too small.
    private const long MaxRequestBodyBytes = 256L * 1024 * 1024;

    public static async Task<WebApplication> StartAsync(EmulatorState state, int port, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json, environment or command line, so a test project's own
        // configuration (say, Kestrel endpoints) cannot leak into the emulator, and it starts fast.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        state.Stopping = app.Lifetime.ApplicationStopping;

        var kling = new KlingEmulator(state);
        kling.MapRoutes(app);
        new KlingV2Emulator(state, kling).MapRoutes(app);
        new KlingElementEmulator(state, kling).MapRoutes(app);
        new PowerTokensEmulator(state).MapRoutes(app);
        new ModelsLabEmulator(state).MapRoutes(app);
        new AimlApiEmulator(state).MapRoutes(app);
        new VydraEmulator(state).MapRoutes(app);
        new ReplicateEmulator(state).MapRoutes(app);
        state.Fal = new FalEmulator(state);
        state.Fal.MapRoutes(app);
        new FileRoutes(state).MapRoutes(app);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no bound address.");
            state.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
