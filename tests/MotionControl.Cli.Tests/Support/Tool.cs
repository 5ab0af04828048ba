using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace MotionControl.Cli.Tests.Support;

/// <summary>What one run of the tool printed and how it exited.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + "\n" + Stderr;

    /// <summary>Gets the stderr lines but the "note:" ones (such as --emulator starting an emulator of its own).</summary>
    public IReadOnlyList<string> ErrorLines => [.. Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("note:", StringComparison.Ordinal))];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built tool (<c>dotnet motion-control.dll</c>) as a process, stdout and stderr redirected (no terminal), in
/// an environment of its own: no MOTIONCONTROL* (nor NO_COLOR) variable of the machine, HOME in a fresh folder (so no user secrets but
/// the test's), and MOTIONCONTROL_EMULATOR_URL on a closed port unless the test names an emulator.
/// </summary>
internal static class Tool
{
    /// <summary>A loopback address nothing listens on: --emulator then starts its own emulator.</summary>
    public const string NoEmulator = "http://127.0.0.1:9/";

    public static string DllPath { get; } = FindDll();

    public static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "MotionControl.Tests", "Fixtures", name);

    public static string Image => Fixture("image.png");

    public static string Video => Fixture("moov_first.mp4");

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var process = Start(args, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"motion-control {string.Join(' ', args)} did not end in 90 s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Starts the tool with its streams redirected; the caller reads them and ends it.</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Scratch(),
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Environment(environment))
        {
            info.Environment[key] = value;
        }

        foreach (string key in info.Environment.Keys.Where(k => (k.StartsWith("MOTIONCONTROL", StringComparison.OrdinalIgnoreCase) || k == "NO_COLOR") && (environment is null || !environment.ContainsKey(k))).ToList())
        {
            info.Environment.Remove(key);
        }

        if (environment is null || !environment.ContainsKey("MOTIONCONTROL_EMULATOR_URL"))
        {
            info.Environment["MOTIONCONTROL_EMULATOR_URL"] = NoEmulator;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>The variables every run gets, then <paramref name="extra"/>.</summary>
    public static Dictionary<string, string> Environment(IDictionary<string, string>? extra)
    {
        var env = new Dictionary<string, string>
        {
            ["HOME"] = Scratch(),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>A new empty folder under the temp folder.</summary>
    public static string Scratch()
    {
        string path = Path.Combine(Path.GetTempPath(), "mc-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindDll()
    {
        string configuration = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "CliConfiguration").Value!;
        string path = Path.Combine(RepositoryPaths.Root, "src", "MotionControl.Cli", "bin", configuration, "net10.0", "motion-control.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/MotionControl.Cli first: the tool is not at " + path, path);
    }
}
