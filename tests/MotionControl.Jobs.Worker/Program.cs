// The crash tests' worker: `dotnet MotionControl.Jobs.Worker.dll <emulator-url> <sqlite-path> [crash-point]`.
// Vendors: two Kling registrations would not add anything; one Kling (external ids) and one Vydra (none) are registered
// with the emulator's default credentials. At the crash point the hook prints "CRASH-POINT <step> <job>" and blocks
// (the test kills the process); "mid-create" prints at the journal write and lets the (delayed) create go out.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionControl;
using MotionControl.DependencyInjection;
using MotionControl.Jobs;
using MotionControl.Jobs.Worker;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;

var emulator = new Uri(args[0]);
var database = args[1];
var crash = args.Length > 2 ? args[2] : null;

var wait = new MotionControlWaitOptions
{
    PollInterval = TimeSpan.FromMilliseconds(10),
    MaxPollInterval = TimeSpan.FromMilliseconds(20),
    MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
    Jitter = 0,
    Timeout = TimeSpan.FromSeconds(30),
};
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMotionControl()
    .AddKling(o =>
    {
        o.BaseAddress = emulator;
        o.AccessKey = "emulator-kling-access-key";
        o.SecretKey = "emulator-kling-secret-key-000000";
        o.WaitOptions = wait;
    })
    .AddVydra(o =>
    {
        o.BaseAddress = emulator;
        o.ApiKey = "vydra_live_user_emulator_0000000000000000";
        o.WaitOptions = wait;
    })
    .AddJobs(o =>
    {
        o.UseSqlite($"Data Source={database}");
        o.PollInterval = TimeSpan.FromMilliseconds(20);
        o.LeaseDuration = TimeSpan.FromSeconds(3);
        o.WorkerId = "crash-test-worker";
        o.WaitOptions = wait;
    });
if (crash is not null)
{
    builder.Services.AddSingleton<IJobStepHook>(new CrashHook(crash));
}

using var host = builder.Build();
await host.StartAsync();
Console.Out.WriteLine("WORKER-READY");
Console.Out.Flush();
await host.WaitForShutdownAsync();

/// <summary>Stops the process at one step: prints the marker and blocks the job's thread until the test kills it.</summary>
internal sealed class CrashHook(string point) : IJobStepHook
{
    public void Reached(JobStep step, string jobId)
    {
        var matches = point switch
        {
            "after-journal" => step == JobStep.AfterJournal,
            "mid-create" => step == JobStep.AfterJournal,
            "after-create-sent" => step == JobStep.AfterCreateSent,
            "during-wait" => step == JobStep.DuringWait,
            "during-download" => step == JobStep.DuringDownload,
            _ => false,
        };
        if (!matches)
        {
            return;
        }

        Console.Out.WriteLine($"CRASH-POINT {point} {jobId}");
        Console.Out.Flush();
        if (point != "mid-create")
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
