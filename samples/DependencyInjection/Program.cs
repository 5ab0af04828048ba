// A generic-host worker that registers two vendors (Kling and Vydra) from configuration, runs one job on each, then
// stops. Keys come from the environment (MotionControl__Kling__AccessKey + MotionControl__Kling__SecretKey or
// MotionControl__Kling__ApiKey, MotionControl__Vydra__ApiKey) or user secrets, never from appsettings.json. When
// none is set, the local emulator stands in for both vendors.
//   dotnet run --project samples/DependencyInjection
using DependencyInjectionSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotionControl.Testing;

// appsettings.json is read from the output folder, wherever `dotnet run` is started.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

await using var emulator = HasAnyKey(builder.Configuration) ? null : await MotionControlEmulator.StartAsync();
if (emulator is not null)
{
    Console.WriteLine("No API key configured: running against the local emulator (MotionControl.Testing)");
    // Point both vendors at the emulator, with the keys it accepts. Added last, so these values win.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["MotionControl:WaitOptions:PollInterval"] = "00:00:00.200",
        ["MotionControl:Kling:BaseAddress"] = emulator.KlingBaseAddress.ToString(),
        ["MotionControl:Kling:AccessKey"] = emulator.Credentials.KlingAccessKey,
        ["MotionControl:Kling:SecretKey"] = emulator.Credentials.KlingSecretKey,
        ["MotionControl:Vydra:BaseAddress"] = emulator.VydraBaseAddress.ToString(),
        ["MotionControl:Vydra:ApiKey"] = emulator.Credentials.VydraApiKey,
    });
}

builder.Services.AddMotionControl(builder.Configuration.GetSection("MotionControl"));
builder.Services.Configure<JobSettings>(builder.Configuration.GetSection("Job"));
builder.Services.AddHostedService<MotionControlWorker>();

using var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;

static bool HasAnyKey(IConfiguration configuration) =>
    new[] { "Kling:AccessKey", "Kling:ApiKey", "Vydra:ApiKey" }
        .Any(key => !string.IsNullOrWhiteSpace(configuration["MotionControl:" + key]));
