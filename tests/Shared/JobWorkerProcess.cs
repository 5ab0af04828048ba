using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;

namespace MotionControl.Jobs.TestWorkers;

/// <summary>
/// One run of the test worker process (tests/MotionControl.Jobs.Worker, built before the tests by a project reference
/// that does not load it), its standard output and error read line by line. Shared by the job test projects (linked
/// source): each has a <c>WorkerConfiguration</c> assembly metadata attribute naming the configuration it was built in.
/// </summary>
internal sealed class JobWorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineAdded = new(0);

    private JobWorkerProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Every line printed so far, standard output and error interleaved as received.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts the worker with these arguments (see its Program.cs for the options).</summary>
    public static JobWorkerProcess Start(IEnumerable<string> arguments, ITestOutputHelper output)
    {
        var configuration = typeof(JobWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerConfiguration").Value;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "MotionControl.Jobs.Worker", "bin", configuration!, "net10.0", "MotionControl.Jobs.Worker.dll"));
        Assert.True(File.Exists(dll), $"the worker is not built: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var worker = new JobWorkerProcess(process, output);
        process.OutputDataReceived += (_, e) => worker.Add(e.Data, "out");
        process.ErrorDataReceived += (_, e) => worker.Add(e.Data, "err");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the first line that starts with <paramref name="prefix"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                {
                    if (_lines[seen].StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return _lines[seen];
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the worker exited ({_process.ExitCode}) before printing '{prefix}'");
            }

            try
            {
                await _lineAdded.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the worker did not print '{prefix}' within {timeout}");
            }
        }
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Unix), then the exit code.</summary>
    public int KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lineAdded.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Add(string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        try
        {
            _output.WriteLine($"worker {_process.Id} {stream}: {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended; its output helper takes no more lines.
        }

        _lineAdded.Release();
    }
}
