using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Media.Remote;
using MotionControl.Testing;

namespace MotionControl.Tests.Media.Remote;

/// <summary>
/// Every local fixture served over loopback HTTP gets the same verdict remotely as locally: with range support, without
/// it, without HEAD, moov first and last, fragmented, truncated, images and the formats the vendors refuse.
/// </summary>
public sealed class RemotePreflightFixtureTests : IAsyncLifetime
{
    private MotionControlEmulator _emulator = null!;
    private MediaFileServer _server = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MotionControlEmulator.StartAsync();
        _server = await MediaFileServer.StartAsync();
        foreach (var fixture in MediaFixtures.All)
        {
            _server.Add(fixture.File, MediaFixtures.Bytes(fixture.File));
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    public static TheoryData<string, string> FilesAndServers()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in MediaFixtures.All)
        {
            foreach (var server in new[] { "ranges", "no-ranges", "no-head" })
            {
                data.Add(fixture.File, server);
            }
        }

        return data;
    }

    private MotionControlClient Client(RemoteMediaValidation mode = RemoteMediaValidation.Strict) =>
        VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator, o =>
        {
            o.RemoteMediaAllowList.Add(_server.BaseAddress);
            o.RemoteMediaValidation = mode;
        });

    private void Serve(string server)
    {
        _server.Ranges = server != "no-ranges";
        _server.Head = server != "no-head";
    }

    /// <summary>What a verdict is: each broken rule's field, code, limit and value (transport rules differ by nature: a URL travels as a URL).</summary>
    private static List<string> Verdict(MotionControlValidationResult result) =>
        [.. result.Errors.Where(e => !e.Code.EndsWith(".transport", StringComparison.Ordinal)).Select(e => $"{e.Field}|{e.Code}|{e.Limit}|{e.Actual}")];

    [Theory]
    [MemberData(nameof(FilesAndServers))]
    public async Task A_fixture_served_over_http_gets_the_same_verdict_as_the_local_file(string file, string server)
    {
        Serve(server);
        using var client = Client(RemoteMediaValidation.Strict);
        var local = await client.ValidateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(MediaFixtures.PathOf(file)),
            Video = MediaSource.FromFile(MediaFixtures.PathOf(file)),
        });
        var url = new Uri(_server.BaseAddress, "files/" + file);

        var remote = await client.ValidateAsync(new MotionControlRequest { Image = MediaSource.FromUri(url), Video = MediaSource.FromUri(url) });

        Assert.Empty(remote.Warnings);
        Assert.DoesNotContain(remote.Errors, e => e.Code is "media.url.unchecked" or "media.url.forbidden");
        Assert.Equal(Verdict(local), Verdict(remote));
    }

    [Theory]
    [MemberData(nameof(FilesAndServers))]
    public async Task A_fixture_served_over_http_gives_the_same_facts_as_the_local_file(string file, string server)
    {
        Serve(server);
        var local = await MediaProbe.ProbeAsync(MediaSource.FromFile(MediaFixtures.PathOf(file)));
        var preflight = Preflight();

        var check = await preflight.CheckAsync(MediaSource.FromUri(new Uri(_server.BaseAddress, "files/" + file)), default);

        Assert.Equal(RemoteMediaCheckStatus.Checked, check.Status);
        Assert.Equal(local with { SourceName = null }, check.Facts! with { SourceName = null });
        Assert.InRange(check.BytesFetched, 1, RemoteReadBudget.DefaultMaxBytes);
    }

    [Fact]
    public async Task A_ranged_read_of_a_small_file_costs_one_block_and_two_requests()
    {
        Serve("ranges");
        var check = await Preflight().CheckAsync(MediaSource.FromUri(new Uri(_server.BaseAddress, "files/moov_last.mp4")), default);

        Assert.Equal(RemoteMediaCheckStatus.Checked, check.Status);
        Assert.Equal(2, check.Requests); // HEAD, then one ranged GET holding the whole 2.7 KB file
        Assert.Equal(MediaFixtures.Get("moov_last.mp4").Size, check.BytesFetched);
    }

    private RemoteMediaPreflight Preflight()
    {
        var http = new HttpClient(VendorHttpClients.DownloadHandler());
        return new RemoteMediaPreflight(RemoteMediaValidation.Strict, new RemoteMediaGuard([_server.BaseAddress]), TimeSpan.FromSeconds(10), TimeProvider.System, () => http);
    }
}
