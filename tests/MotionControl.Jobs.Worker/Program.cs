// The job tests' worker process (tests/MotionControl.Jobs.Tests, tests/MotionControl.Jobs.PostgreSql.Tests):
//   dotnet MotionControl.Jobs.Worker.dll --emulator <url> (--sqlite <path> | --postgres <connection string> [--schema <name>])
//     [--worker-id <id>] [--limit <tasks per registration>] [--lease-ms <ms>] [--poll-ms <ms>] [--kling-accounts a,b]
//     [--crash <point>]
// Vendors, all on the emulator with its default credentials: Kling as "kling" (client task ids) and Vydra as "vydra"
// (none); each name in --kling-accounts adds a Kling registration "kling-<name>" with the API key "kling-key-<name>"
// (the emulator account the test adds for it). Logs go to standard output, one line each, Warning and up (lease
// take-overs are 1511). At the crash point the hook prints "CRASH-POINT <step> <job>" and blocks the job's thread (the
// test kills the process); "mid-create" prints at the journal write and lets the (delayed) create go out.
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotionControl;
using MotionControl.DependencyInjection;
using MotionControl.Jobs;
using MotionControl.Jobs.Worker;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
builder.Configuration.AddCommandLine(args);
var settings = builder.Configuration;
var emulator = new Uri(settings["emulator"] ?? throw new ArgumentException("--emulator <url> is required"));
var sqlite = settings["sqlite"];
var postgres = settings["postgres"];
if ((sqlite is null) == (postgres is null))
{
    throw new ArgumentException("give exactly one of --sqlite <path> and --postgres <connection string>");
}

var crash = settings["crash"];
var limit = Number("limit");
var accounts = (settings["kling-accounts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

var wait = new MotionControlWaitOptions
{
    PollInterval = TimeSpan.FromMilliseconds(10),
    MaxPollInterval = TimeSpan.FromMilliseconds(20),
    MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
    Jitter = 0,
    Timeout = TimeSpan.FromSeconds(30),
};
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
var motion = builder.Services.AddMotionControl()
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
    });
foreach (var account in accounts)
{
    motion.AddKling("kling-" + account, o =>
    {
        o.BaseAddress = emulator;
        o.ApiKey = "kling-key-" + account;
        o.WaitOptions = wait;
    });
}

motion.AddJobs(o =>
{
    if (sqlite is not null)
    {
        o.UseSqlite($"Data Source={sqlite}");
    }
    else
    {
        var schema = settings["schema"];
        o.UsePostgreSql(postgres!, s => s.SchemaName = schema ?? s.SchemaName);
    }

    o.PollInterval = TimeSpan.FromMilliseconds(Number("poll-ms") ?? 20);
    o.LeaseDuration = TimeSpan.FromMilliseconds(Number("lease-ms") ?? 3000);
    o.WorkerId = settings["worker-id"] ?? "crash-test-worker";
    o.WaitOptions = wait;
    if (limit is int max)
    {
        o.DefaultMaxConcurrentTasks = max;
    }
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

int? Number(string key) => settings[key] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

/// <summary>Stops the process at one step: prints the marker and blocks the job's thread until the test kills it.</summary>
internal sealed class CrashHook(string point) : IJobStepHook
{
    // Never set: the job's thread waits on it until SIGKILL ends the process.
    private static readonly ManualResetEventSlim Never = new();

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
            Never.Wait();
        }
    }
}
