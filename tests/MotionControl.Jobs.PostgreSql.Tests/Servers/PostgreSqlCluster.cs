using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// port of 127.0.0.1 only (fsync off, its socket in that folder), <c>pg_ctl stop -m immediate</c> and the folder removed
/// at the end. The binaries come from <c>/usr/lib/postgresql/*/bin</c> (newest first) or the PATH; when none is there,
/// a root process installs Debian's <c>postgresql</c> with apt-get, anyone else gets an exception saying so.
/// <c>initdb</c> refuses to run as root, so a root test process runs the binaries as the <c>postgres</c> user
/// (<c>runuser -u postgres --</c>) and gives it the folder; otherwise they run as the current user.
/// A cluster that cannot start throws with initdb's or pg_ctl's output: the test fails, it is never skipped.
/// </summary>
internal sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly string _bin;
    private readonly string _root;
    private int _stopped;

    private PostgreSqlCluster(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The superuser's connection string to the <c>postgres</c> database (trust authentication, no password).</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = "postgres",
    }.ConnectionString;

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    public static async Task<PostgreSqlCluster> StartAsync()
    {
        var bin = await FindOrInstallBinariesAsync();
        var root = Directory.CreateTempSubdirectory("mc-pg-").FullName;
        try
        {
            var socketDirectory = Path.Combine(root, "socket");
            Directory.CreateDirectory(socketDirectory);
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", SuperUser + ":", root]);
            }

            await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-A", "trust", "-U", SuperUser, "--no-sync", "-E", "UTF8", "--locale=C"], asPostgres: true);

            // A free port can be taken between the probe and the server's bind: try a few.
            string? lastFailure = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var cluster = new PostgreSqlCluster(bin, root, port);
                var options = string.Join(' ', "-c listen_addresses=127.0.0.1", "-c port=" + port.ToString(CultureInfo.InvariantCulture), "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300", "-k " + socketDirectory);
                var (exit, output) = await TryRunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", cluster.DataDirectory, "-l", cluster.LogFile, "-o", options], asPostgres: true);
                if (exit == 0 && await cluster.AcceptsQueriesAsync())
                {
                    return cluster;
                }

                lastFailure = $"pg_ctl start exited with {exit}:\n{output}\nserver log:\n{ReadLog(cluster.LogFile)}";
                await TryRunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", cluster.DataDirectory], asPostgres: true);
            }

            throw new InvalidOperationException("The throwaway PostgreSQL cluster did not start. " + lastFailure);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await TryRunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-m", "immediate", "-D", DataDirectory], asPostgres: true);
        TryDelete(_root);
    }

    private async Task<bool> AcceptsQueriesAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private static async Task<string> FindOrInstallBinariesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (FindBinaries() is { } found)
            {
                return found;
            }

            if (!Environment.IsPrivilegedProcess)
            {
                throw new InvalidOperationException(
                    "PostgreSQL's server binaries (initdb, pg_ctl) are not installed and this process is not root, so it cannot install them: " +
                    "install Debian's 'postgresql' package, or set MOTIONCONTROL_TEST_POSTGRES to a connection string of a server to use.");
            }

            await RunAsync("apt-get", ["update", "-qq"]);
            await RunAsync("apt-get", ["install", "-y", "-qq", "postgresql"], environment: ("DEBIAN_FRONTEND", "noninteractive"));
            return FindBinaries() ?? throw new InvalidOperationException("apt-get installed 'postgresql' but no initdb/pg_ctl was found under /usr/lib/postgresql/*/bin or on the PATH.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string? FindBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb")) && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        return null;
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = false, (string Name, string Value)? environment = null)
    {
        var (exit, output) = await TryRunAsync(file, arguments, asPostgres, environment);
        if (exit != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed (exit {exit}):\n{output}");
        }
    }

    private static async Task<(int Exit, string Output)> TryRunAsync(string file, string[] arguments, bool asPostgres = false, (string Name, string Value)? environment = null)
    {
        var runAsPostgres = asPostgres && Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(runAsPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAsPostgres)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }

    private static string ReadLog(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "(no server log)";
        }
        catch (IOException e)
        {
            return "(server log unreadable: " + e.Message + ")";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file the stopped server still held; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
