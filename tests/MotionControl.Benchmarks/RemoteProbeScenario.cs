using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Http;
using MotionControl.Media.Remote;

namespace MotionControl.Benchmarks;

/// <summary>
/// The remote pre-flight of a 100 MiB moov-at-end MP4 (generated at run time, never committed) and of the small
/// moov-at-end fixture, served by Kestrel on 127.0.0.1 with range support: bytes received and requests sent, against
/// the goal (under 200 KB for the 100 MiB file).
/// </summary>
internal static class RemoteProbeScenario
{
    private const long Goal = 200 * 1000;

    public static async Task<int> RunAsync()
    {
        var big = Path.Combine(BenchEnvironment.WorkDirectory, "moov-last-100mib.mp4");
        Mp4Builder.BuildMoovLast(big, ProbeBenchmarks.FileBytes);
        var files = new Dictionary<string, string>
        {
            ["moov-last-100mib.mp4"] = big,
            ["moov_last.mp4"] = BenchEnvironment.MoovLastFixture(),
        };

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        await using var app = builder.Build();
        app.MapMethods("/files/{name}", ["GET", "HEAD"], (string name) =>
            files.TryGetValue(name, out var path) ? Results.File(path, "video/mp4", enableRangeProcessing: true) : Results.NotFound());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        using var http = new HttpClient(VendorHttpClients.DownloadHandler());
        var preflight = new RemoteMediaPreflight(RemoteMediaValidation.BestEffort, new RemoteMediaGuard([address]), TimeSpan.FromSeconds(30), TimeProvider.System, () => http);
        var code = 0;
        foreach (var name in files.Keys)
        {
            var check = await preflight.CheckAsync(MediaSource.FromUri(new Uri(address, "files/" + name)), CancellationToken.None);
            var met = check.Status == RemoteMediaCheckStatus.Checked && check.BytesFetched < Goal;
            Console.WriteLine($"remote.{name}.file_bytes: {new FileInfo(files[name]).Length}");
            Console.WriteLine($"remote.{name}.bytes_fetched: {check.BytesFetched} in {check.Requests} requests (goal < {Goal}: {(met ? "met" : "MISSED")})");
            Console.WriteLine($"remote.{name}.facts: {check.Status} {check.Facts?.Format} {check.Facts?.Width}x{check.Facts?.Height} {check.Facts?.Duration?.TotalSeconds:0.###} s problem={check.Facts?.Problem ?? check.Reason ?? "none"}");
            code |= met ? 0 : 1;
        }

        await app.StopAsync();
        return code;
    }
}
