using System.Diagnostics;
using System.Reflection;
using MotionControl.Testing;

namespace MotionControl.Benchmarks;

/// <summary>
/// Where the benchmarks find the emulator and their inputs. The runner process starts one emulator and passes its address
/// to BenchmarkDotNet's child processes (<see cref="EmulatorVariable"/>), so the server's own allocations are not counted
/// against the client code being measured. A child started without it runs its own emulator in-process.
/// </summary>
internal static class BenchEnvironment
{
    public const string EmulatorVariable = "MC_BENCH_EMULATOR";
    public const string FixtureVariable = "MC_BENCH_MOOV_LAST";

    /// <summary>The emulator's default credentials (fixed strings, the same in every process).</summary>
    public static EmulatorCredentials Credentials { get; } = new();

    public static string WorkDirectory
    {
        get
        {
            var dir = Path.Combine(Path.GetTempPath(), "motioncontrol-bench");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>The emulator's root address: the runner's (out of process) or a new in-process one.</summary>
    public static async Task<(Uri BaseAddress, MotionControlEmulator? Owned)> EmulatorAsync()
    {
        if (Environment.GetEnvironmentVariable(EmulatorVariable) is { Length: > 0 } address)
        {
            return (new Uri(address), null);
        }

        var emulator = await MotionControlEmulator.StartAsync();
        return (emulator.BaseAddress, emulator);
    }

    public static string MoovLastFixture()
    {
        if (Environment.GetEnvironmentVariable(FixtureVariable) is { Length: > 0 } set && File.Exists(set))
        {
            return set;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var local = Path.Combine(start, "Fixtures", "moov_last.mp4");
            if (File.Exists(local))
            {
                return local;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "MotionControl.Tests", "Fixtures", "moov_last.mp4");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("moov_last.mp4 not found: run from the repository, or set " + FixtureVariable);
    }

    /// <summary>Starts this program as a separate emulator server (<c>--serve-emulator</c>), for scenarios that measure this process alone.</summary>
    public static async Task<(Process Process, Uri BaseAddress)> StartEmulatorProcessAsync(int pollsPerJob)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet")
        {
            psi.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        psi.ArgumentList.Add("--serve-emulator");
        psi.ArgumentList.Add(pollsPerJob.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(psi) ?? throw new InvalidOperationException("the emulator process did not start");
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the emulator process said nothing");
        return (process, new Uri(line.Trim()));
    }

    /// <summary>Asks an emulator process started by <see cref="StartEmulatorProcessAsync"/> to quit (killing it after 10 s), and releases it.</summary>
    public static async Task StopEmulatorProcessAsync(Process server)
    {
        await server.StandardInput.WriteLineAsync("quit");
        server.StandardInput.Close();
        if (!server.WaitForExit(10_000))
        {
            server.Kill();
        }

        server.Dispose();
    }

    /// <summary>
    /// The <c>--serve-emulator N</c> mode: an emulator on 127.0.0.1 whose tasks succeed on poll N, until stdin closes or a
    /// line <c>quit</c> arrives. Its first stdout line is the root address; then one <c>name=value</c> line per key the
    /// other process needs (the emulator's fixed test credentials, not secrets), then <c>ready</c>. A line <c>created</c>
    /// is answered with the number of tasks created so far (all providers). Also the emulator
    /// host of <c>.ci/aot</c>, whose native smoke test cannot load ASP.NET Core itself.
    /// </summary>
    public static async Task<int> ServeAsync(int pollsPerJob)
    {
        var lifecycle = new TaskLifecycle().Queued(1).Processing(Math.Max(1, pollsPerJob - 2)).Succeeds();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { DefaultLifecycle = lifecycle, RedactSecrets = true });
        Console.WriteLine(emulator.BaseAddress.AbsoluteUri);
        Console.WriteLine($"kling-api-key={emulator.Credentials.KlingApiKey}");
        Console.WriteLine($"vydra-api-key={emulator.Credentials.VydraApiKey}");
        Console.WriteLine("ready");
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line && line != "quit")
        {
            if (line == "created")
            {
                // The jobs scenario's check that every job made exactly one task: tasks created so far, all providers.
                Console.WriteLine(EmulatorProviders.All.Sum(emulator.CreatedTaskCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Console.Out.Flush();
            }
        }

        return 0;
    }
}
