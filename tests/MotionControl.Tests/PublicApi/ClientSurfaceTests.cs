#pragma warning disable CA1859 // The point of these tests is to call through the interface.
using System.Net;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.PublicApi;

/// <summary>The client contract's escape hatches: <c>GetService</c>, disposal through the interface, <c>RetryAfter</c> on the base exception.</summary>
public class ClientSurfaceTests
{
    [Fact]
    public async Task GetService_returns_the_client_its_typed_api_and_its_capabilities_and_nothing_else()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using IMotionControlClient client = VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator);
        var kling = Assert.IsType<KlingClient>(client);

        Assert.Same(kling, client.GetService(typeof(KlingClient)));
        Assert.Same(kling, client.GetService(typeof(IMotionControlClient)));
        Assert.Same(kling.Api, client.GetService(typeof(IKlingApi)));
        Assert.Same(kling.Capabilities, client.GetService(typeof(MotionControlCapabilities)));
        Assert.Null(client.GetService(typeof(IVydraApi)));
        Assert.Null(client.GetService(typeof(IKlingApi), serviceKey: "other"));
        Assert.Throws<ArgumentNullException>(() => client.GetService(null!));
    }

    [Fact]
    public async Task A_client_disposed_through_the_interface_releases_its_http_client()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        IMotionControlClient client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);
        var task = await client.SubmitAsync(HostRequest());

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task The_vendor_wait_hint_is_on_the_base_exception_for_every_caller()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RateLimited(TimeSpan.FromSeconds(7)));
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator, o => o.MaxRetryAttempts = 0);

        MotionControlException error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.GetTaskAsync("job-1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    private static MotionControlRequest HostRequest() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = "a dancer",
    };
}
