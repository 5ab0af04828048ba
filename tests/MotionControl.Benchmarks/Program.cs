using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MotionControl.Benchmarks;
using MotionControl.Testing;

// Usage (docs/performance.md):
//   dotnet run -c Release --project tests/MotionControl.Benchmarks -- --filter '*'            full BenchmarkDotNet run
//   dotnet run -c Release --project tests/MotionControl.Benchmarks -- --short --filter '*'    ShortRun job (a few minutes)
//   dotnet run -c Release --project tests/MotionControl.Benchmarks -- --scenario waits|polls|probe|remote|alloc|alloc-types|download|wake|storage|jobs|all
//   dotnet run -c Release --project tests/MotionControl.Benchmarks -- --scenario jobs [--limits 64,8]
if (args is ["--serve-emulator", var polls])
{
    return await BenchEnvironment.ServeAsync(int.Parse(polls, CultureInfo.InvariantCulture));
}

var scenario = Array.IndexOf(args, "--scenario");
if (scenario >= 0)
{
    var which = scenario + 1 < args.Length ? args[scenario + 1] : "all";
    var code = 0;
    if (which is "probe" or "all")
    {
        code |= await Scenarios.ProbeAsync();
    }

    if (which is "remote" or "all")
    {
        code |= await RemoteProbeScenario.RunAsync();
    }

    if (which is "polls" or "all")
    {
        code |= await Scenarios.PollsAsync();
    }

    if (which is "alloc" or "all")
    {
        code |= await AllocationBreakdown.RunAsync();
    }

    if (which is "alloc-types")
    {
        code |= await AllocationTypes.RunAsync();
    }

    if (which is "waits" or "all")
    {
        code |= await Scenarios.WaitsAsync();
    }

    if (which is "download" or "all")
    {
        code |= await Scenarios.DownloadMemoryAsync();
    }

    if (which is "wake" or "all")
    {
        code |= await WakeScenarios.RunAsync();
    }

    if (which is "storage" or "all")
    {
        code |= await StorageScenarios.UploadMemoryAsync(args.Contains("--no-500") ? [50] : [50, 500]);
    }

    if (which is "jobs")
    {
        var limits = Array.IndexOf(args, "--limits") is var at and >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray()
            : [64, 8];
        code |= await JobScenarios.RunAsync(limits);
    }

    return code;
}

var isShort = args.Contains("--short");
var bdnArgs = args.Where(a => a != "--short").ToArray();

// One emulator for the whole run, in this (runner) process: BenchmarkDotNet's child processes reach it over loopback,
// so what they measure (time and allocations) is the client side only.
await using var emulator = await MotionControlEmulator.StartAsync();
Environment.SetEnvironmentVariable(BenchEnvironment.EmulatorVariable, emulator.BaseAddress.AbsoluteUri);
Environment.SetEnvironmentVariable(BenchEnvironment.FixtureVariable, BenchEnvironment.MoovLastFixture());

var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
if (isShort)
{
    config = config.AddJob(Job.ShortRun.WithId("ShortRun"));
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(RoundTripBenchmarks).Assembly).Run(bdnArgs, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
