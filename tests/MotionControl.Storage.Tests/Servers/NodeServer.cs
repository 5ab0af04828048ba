using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MotionControl.Storage.Tests.TestSupport;

namespace MotionControl.Storage.Tests.Servers;

/// <summary>
/// A storage server from the repository's <c>node_modules/.bin</c> (Azurite, s3rver), on a free port of 127.0.0.1 with a
/// temporary data folder: started, waited for until it accepts connections, and stopped with its process tree. When
/// node_modules is missing, <c>npm ci</c> runs first at the repository root. A server that cannot start throws (the test
/// fails; it is never skipped), with the server's own output in the message.
/// </summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private NodeServer(Process process, StringBuilder output, int port, string dataDirectory)
    {
        _process = process;
        _output = output;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>The server's process id (the root of its process tree).</summary>
    public int ProcessId => _process.Id;

    public string DataDirectory { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Azurite's blob service. <c>--disableTelemetry</c>: without it Azurite (3.37, the version package.json pins) opens connections to Azure's
    /// instance metadata address, 169.254.169.254, at start, and the test servers talk to 127.0.0.1 only
    /// (<c>LoopbackOnlyTests</c>).
    /// </summary>
    public static Task<NodeServer> StartAzuriteAsync() =>
        StartAsync("azurite-blob", (port, data) =>
            ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", data, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"]);

    /// <summary>s3rver over https, with a certificate for 127.0.0.1 made in its data folder and trusted by the test clients.</summary>
    public static Task<NodeServer> StartS3rverAsync() =>
        StartAsync("s3rver", (port, data) =>
        {
            var (certificate, key) = TestCertificates.CreateLoopback(data);
            return ["--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--directory", data, "--silent", "--cert", certificate, "--key", key];
        });

    /// <summary>Starts <paramref name="bin"/> with the arguments <paramref name="arguments"/> makes from the port and data folder.</summary>
    public static async Task<NodeServer> StartAsync(string bin, Func<int, string, IEnumerable<string>> arguments)
    {
        var executable = await EnsureInstalledAsync(bin);
        var data = Directory.CreateTempSubdirectory("mc-" + bin + "-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        foreach (var argument in arguments(port, data))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{bin} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NodeServer(process, output, port, data);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{bin} exited with code {process.ExitCode} before listening on 127.0.0.1:{port}. Its output:\n{Text(output)}");
            }

            if (await AcceptsAsync(port))
            {
                return server;
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"{bin} did not listen on 127.0.0.1:{port} within 60 s. Its output:\n{Text(output)}");
    }

    public string Output => Text(_output);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still flushed; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string> EnsureInstalledAsync(string bin)
    {
        var executable = Path.Combine(RepositoryRoot, "node_modules", ".bin", bin);
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(executable))
            {
                await RunNpmCiAsync();
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"{executable} is missing after 'npm ci' at {RepositoryRoot}; check package.json.");
    }

    private static async Task RunNpmCiAsync()
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; install Node.js and npm.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' failed at {RepositoryRoot} (exit {npm.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotionControl.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MotionControl.sln not found above " + AppContext.BaseDirectory);
    }
}
