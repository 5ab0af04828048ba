using System.Globalization;
using System.Net;

namespace MotionControl.Storage.Tests.Servers;

/// <summary>
/// The storage servers the tests start talk to nothing beyond 127.0.0.1: no telemetry, no metadata service, no DNS. Read
/// from Linux's socket tables (<c>/proc/&lt;pid&gt;/net/{tcp,tcp6,udp,udp6}</c>, matched to the server's own sockets by
/// inode), sampled for a few seconds after start and a first request, which is when Azurite without
/// <c>--disableTelemetry</c> connects to 169.254.169.254. No library reads another process's sockets, hence by hand.
/// </summary>
public sealed class LoopbackOnlyTests
{
    private static readonly string[] Tables = ["tcp", "tcp6", "udp", "udp6"];

    public static TheoryData<string> Servers() => new() { "azurite", "s3rver" };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_storage_server_connects_to_nothing_beyond_127_0_0_1(string name)
    {
        Assert.True(OperatingSystem.IsLinux(), "This test reads Linux's /proc socket tables; the test suites run on Linux.");
        await using var server = name == "azurite" ? await NodeServer.StartAzuriteAsync() : await NodeServer.StartS3rverAsync();
        using (var http = new HttpClient(TestCertificates.Handler(), disposeHandler: true))
        {
            // A first request, so whatever a server does on its first one happens inside the sampled window.
            using var reply = await http.GetAsync(new Uri(name == "azurite" ? $"http://127.0.0.1:{server.Port}/" : $"https://127.0.0.1:{server.Port}/"));
        }

        var seen = new SortedSet<string>(StringComparer.Ordinal);
        int sockets = 0;
        for (int i = 0; i < 25; i++)
        {
            var (count, remote) = Connections(server.ProcessId);
            sockets = Math.Max(sockets, count);
            seen.UnionWith(remote);
            await Task.Delay(200);
        }

        Assert.True(sockets > 0, $"no socket of {name} was found: the /proc reading is broken, so the check below proves nothing");
        Assert.True(seen.Count == 0, $"{name} connected beyond 127.0.0.1: {string.Join(", ", seen)}");
    }

    /// <summary>The number of sockets the process tree holds, and those whose remote end is neither unset nor loopback.</summary>
    private static (int Sockets, List<string> Remote) Connections(int root)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pid in ProcessTree(root))
        {
            try
            {
                foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                    {
                        inodes.Add(target["socket:[".Length..^1]);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process or the descriptor went away while being read.
            }
        }

        var remote = new List<string>();
        int found = 0;
        foreach (var table in Tables)
        {
            foreach (var line in File.ReadLines($"/proc/{root}/net/{table}").Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || !inodes.Contains(fields[9]))
                {
                    continue;
                }

                found++;
                var endpoint = Endpoint(fields[2]);
                if (!endpoint.Address.Equals(IPAddress.Any) && !endpoint.Address.Equals(IPAddress.IPv6Any) && !IsLoopback(endpoint.Address))
                {
                    remote.Add($"{table} {endpoint}");
                }
            }
        }

        return (found, remote);
    }

    private static List<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(rest[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exited meanwhile.
            }
        }

        var tree = new List<int> { root };
        for (int i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>"0100007F:1F90" (IPv4) or 32 hex digits (IPv6): each 32-bit word in the kernel's byte order, the port big-endian.</summary>
    private static IPEndPoint Endpoint(string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var bytes = Convert.FromHexString(field[..colon]);
        for (int word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(field[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
