using System.Net;
using Microsoft.Extensions.Configuration;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Media.Remote;

/// <summary>
/// The SSRF guard of the remote pre-flight and of downloads: only public addresses, checked on every redirect hop and
/// on the address connected to; trusted origins through the allow-list. The guard's connect hook records every address
/// it connected to, which shows that no refused address was ever reached.
/// </summary>
public sealed class SsrfGuardTests : IAsyncLifetime
{
    private static readonly IPAddress PublicLooking = IPAddress.Parse("203.0.113.10"); // TEST-NET-3: not private, never real

    private readonly GuardNetwork _network = new();
    private MotionControlEmulator _emulator = null!;
    private MediaFileServer _server = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MotionControlEmulator.StartAsync();
        _server = await MediaFileServer.StartAsync();
        _server.Add("clip.mp4", MediaFixtures.Bytes("moov_first.mp4"));
        _network.Names["media.public-cdn.net"] = [PublicLooking];
        _network.Names["internal.public-cdn.net"] = [IPAddress.Parse("10.1.2.3")];
        _network.Names["mixed.public-cdn.net"] = [IPAddress.Parse("192.168.1.20"), PublicLooking];
        _network.Routes[PublicLooking] = new IPEndPoint(IPAddress.Loopback, _server.Port);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private MotionControlClient Client(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator, o =>
        {
            o.RemoteMediaNetwork = _network.Hooks;
            o.RemoteMediaValidation = RemoteMediaValidation.Strict;
            configure?.Invoke(o);
        });

    private static MotionControlRequest Request(Uri video) => new()
    {
        Image = MediaSource.FromFile(MediaFixtures.PathOf("image_baseline.jpg")),
        Video = MediaSource.FromUri(video),
    };

    private void AssertNoPrivateAddressWasConnected() =>
        Assert.All(_network.Connects, endPoint => Assert.True(RemoteMediaGuard.IsPublic(endPoint.Address), $"connected to {endPoint}"));

    [Theory]
    [InlineData("https://example.com/dance.mp4")]
    [InlineData("https://cdn.example.org/dance.mp4")]
    [InlineData("http://media.test/dance.mp4")]
    [InlineData("http://media.invalid./dance.mp4")]
    public async Task A_reserved_example_name_is_not_resolved_nor_fetched_and_is_reported_unchecked(string url)
    {
        using var client = Client(o => o.RemoteMediaValidation = RemoteMediaValidation.BestEffort);

        var result = await client.ValidateAsync(Request(new Uri(url)));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MotionControlRules.MediaUrlUnchecked, warning.Code);
        Assert.Contains("reserved for examples", warning.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Resolved);
        Assert.Empty(_network.Connects);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/files/clip.mp4")]
    [InlineData("http://[::1]:{port}/files/clip.mp4")]
    [InlineData("http://10.0.0.1/files/clip.mp4")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://internal.public-cdn.net/files/clip.mp4")]
    [InlineData("http://mixed.public-cdn.net:{port}/files/clip.mp4")]
    public async Task A_url_to_a_non_public_address_is_refused_and_never_connected_to(string template)
    {
        using var client = Client();
        var url = new Uri(template.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await client.ValidateAsync(Request(url));

        if (template.Contains("mixed", StringComparison.Ordinal))
        {
            // A name with a private and a public address is connected on its public one only.
            Assert.DoesNotContain(result.Errors, e => e.Code == MotionControlRules.MediaUrlForbidden);
            Assert.Equal([PublicLooking], _network.Connects.Select(c => c.Address));
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(("Video", MotionControlRules.MediaUrlForbidden), (error.Field, error.Code));
            Assert.Contains("RemoteMediaAllowList", error.Message, StringComparison.Ordinal);
            Assert.Empty(_network.Connects);
        }

        AssertNoPrivateAddressWasConnected();
        Assert.DoesNotContain(_server.Requests, r => r.Path.EndsWith("clip.mp4", StringComparison.Ordinal) && !template.Contains("mixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_name_routed_to_a_test_server_is_checked_like_any_file()
    {
        using var client = Client();

        var result = await client.ValidateAsync(Request(new Uri("http://media.public-cdn.net/files/clip.mp4")));

        Assert.DoesNotContain(result.Errors, e => e.Code.StartsWith("media.url.", StringComparison.Ordinal));
        Assert.Empty(result.Warnings);
        Assert.Contains(_server.Requests, r => r.Method == "GET" && r.Path == "/files/clip.mp4");
        Assert.Equal([PublicLooking], _network.Connects.Select(c => c.Address).Distinct());
    }

    [Theory]
    [InlineData("http://10.0.0.1/files/clip.mp4")]
    [InlineData("http://127.0.0.1:{port}/files/clip.mp4")]
    [InlineData("http://internal.public-cdn.net/files/clip.mp4")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task A_public_name_that_redirects_to_a_private_address_is_refused_at_the_hop(string target)
    {
        var hop = _server.Redirect("to-private", new Uri(target.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        using var client = Client();

        var result = await client.ValidateAsync(Request(new Uri("http://media.public-cdn.net" + hop.PathAndQuery)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MotionControlRules.MediaUrlForbidden, error.Code);
        Assert.Contains("redirects to", error.Message, StringComparison.Ordinal);
        Assert.Contains(_server.Requests, r => r.Path == "/hop/to-private");
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/files/clip.mp4");
        Assert.NotEmpty(_network.Connects);
        AssertNoPrivateAddressWasConnected();
    }

    [Fact]
    public async Task More_than_five_redirects_are_refused()
    {
        var next = new Uri("http://media.public-cdn.net/files/clip.mp4");
        for (var i = 0; i < 6; i++)
        {
            next = new Uri("http://media.public-cdn.net" + _server.Redirect("loop" + i, next).PathAndQuery);
        }

        using var client = Client();

        var result = await client.ValidateAsync(Request(next));

        Assert.Contains("more than 5 times", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allow_listed_loopback_origin_is_fetched()
    {
        using var client = Client(o => o.RemoteMediaAllowList.Add(new Uri(_server.BaseAddress, "any/path/is/ignored")));

        var result = await client.ValidateAsync(Request(new Uri(_server.BaseAddress, "files/clip.mp4")));

        Assert.DoesNotContain(result.Errors, e => e.Code.StartsWith("media.url.", StringComparison.Ordinal));
        Assert.Contains(_server.Requests, r => r.Path == "/files/clip.mp4");
        Assert.Equal([IPAddress.Loopback], _network.Connects.Select(c => c.Address).Distinct());
    }

    [Fact]
    public async Task A_download_from_a_private_address_is_refused_and_never_connected_to()
    {
        using var client = Client();
        var task = new MotionControlTask
        {
            Id = "t-1",
            ProviderName = MotionControlProviders.Kling,
            Status = MotionControlTaskStatus.Succeeded,
            Videos = [new GeneratedVideo { Url = _server.Redirect("result", new Uri("http://169.254.169.254/result.mp4?token=cdn-secret")) }],
        };
        using var destination = new MemoryStream();

        var direct = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(task with { Videos = [new GeneratedVideo { Url = new Uri("http://10.0.0.1/out.mp4") }] }, destination));
        var viaLoopback = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(task, destination));

        Assert.Contains("10.0.0.1 is not a public address", direct.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1 is not a public address", viaLoopback.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Connects);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_download_redirected_to_a_private_address_is_refused_at_the_hop()
    {
        using var client = Client(o => o.RemoteMediaAllowList.Add(_server.BaseAddress));
        var task = new MotionControlTask
        {
            Id = "t-1",
            ProviderName = MotionControlProviders.Kling,
            Status = MotionControlTaskStatus.Succeeded,
            Videos = [new GeneratedVideo { Url = _server.Redirect("result", new Uri("http://169.254.169.254/result.mp4?token=cdn-secret")) }],
        };
        using var destination = new MemoryStream();

        var refused = await Assert.ThrowsAsync<MotionControlException>(() => client.DownloadVideoAsync(task, destination));

        Assert.Contains("redirects to http://169.254.169.254/result.mp4", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn-secret", refused.ToString(), StringComparison.Ordinal);

        // Only the allow-listed server itself was connected to, never the hop's target.
        Assert.Equal([IPAddress.Loopback], _network.Connects.Select(c => c.Address).Distinct());
    }

    [Fact]
    public async Task A_download_from_an_allow_listed_origin_follows_its_redirect()
    {
        using var client = Client(o => o.RemoteMediaAllowList.Add(_server.BaseAddress));
        var task = new MotionControlTask
        {
            Id = "t-1",
            ProviderName = MotionControlProviders.Kling,
            Status = MotionControlTaskStatus.Succeeded,
            Videos = [new GeneratedVideo { Url = _server.Redirect("ok", new Uri(_server.BaseAddress, "files/clip.mp4")) }],
        };
        using var destination = new MemoryStream();

        var written = await client.DownloadVideoAsync(task, destination);

        Assert.Equal(MediaFixtures.Bytes("moov_first.mp4"), destination.ToArray());
        Assert.Equal(destination.Length, written);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("203.0.113.10", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Only_public_unicast_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, RemoteMediaGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_remote_media_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MotionControl:Kling:RemoteMediaValidation"] = "strict",
            ["MotionControl:Kling:RemoteMediaTimeout"] = "00:00:03",
            ["MotionControl:Kling:RemoteMediaAllowList:0"] = "http://media.internal:8080",
            ["MotionControl:Kling:RemoteMediaAllowList:1"] = "https://cdn.internal",
        }).Build();
        var options = new MotionControl.Providers.Kling.KlingOptions();

        MotionControl.DependencyInjection.ConfigurationReader.BindClient(options, configuration.GetSection("MotionControl:Kling"));

        Assert.Equal(RemoteMediaValidation.Strict, options.RemoteMediaValidation);
        Assert.Equal(TimeSpan.FromSeconds(3), options.RemoteMediaTimeout);
        Assert.Equal([new Uri("http://media.internal:8080"), new Uri("https://cdn.internal")], options.RemoteMediaAllowList);
    }

    [Theory]
    [InlineData("RemoteMediaValidation", "sometimes", "MotionControl:Kling:RemoteMediaValidation")]
    [InlineData("RemoteMediaAllowList:0", "not a url", "MotionControl:Kling:RemoteMediaAllowList:0")]
    public void A_bad_remote_media_setting_names_its_path(string key, string value, string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MotionControl:Kling:" + key] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            MotionControl.DependencyInjection.ConfigurationReader.BindClient(new MotionControl.Providers.Kling.KlingOptions(), configuration.GetSection("MotionControl:Kling")));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_a_non_http_allow_list_entry_or_a_bad_timeout_are_refused()
    {
        var options = VendorTestBed.Options(MotionControlProviders.Kling, _emulator.Credentials);
        options.RemoteMediaAllowList.Add(new Uri("ftp://files.internal"));
        options.RemoteMediaTimeout = TimeSpan.FromMinutes(6);

        var error = Assert.Throws<ArgumentException>(() => VendorTestBed.Construct(options));

        Assert.Contains("RemoteMediaAllowList", error.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteMediaTimeout", error.Message, StringComparison.Ordinal);
    }
}
