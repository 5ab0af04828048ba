using Microsoft.Extensions.DependencyInjection;
using MotionControl.Testing;
using MotionControl.Tests.DependencyInjection;

namespace MotionControl.Tests.Http;

/// <summary>
/// The SDK's own HTTP client never follows a redirect: the Authorization header would not survive a hop to another host,
/// so the call would fail as unauthenticated for a reason nobody could see. The 3xx is reported, naming where it pointed.
/// </summary>
public class RedirectTests
{
    public static TheoryData<string> Providers => new(MotionControlProviders.All);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redirected_read_is_not_followed_and_names_the_new_location(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(provider, emulator);
        var task = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        var moved = new Uri(emulator.BaseAddress, "moved-elsewhere/");
        emulator.AddFault(provider, VendorTestBed.ReadOperationFor(provider), EmulatorFault.Redirect(moved), FaultSchedule.EveryCall);
        var requestsBefore = emulator.Requests.Count;

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetTaskAsync(task.Id));

        Assert.Contains("301", error.Message, StringComparison.Ordinal);
        Assert.Contains(moved.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Requests.Skip(requestsBefore), r => r.Path.Contains("moved-elsewhere", StringComparison.Ordinal));
        Assert.False(error.IsTransient);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redirected_create_is_a_clear_refusal_not_an_unknown_outcome(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(provider, emulator);
        var moved = new Uri("http://127.0.0.1:9/api/");
        emulator.AddFault(provider, EmulatorOperation.Create, EmulatorFault.Redirect(moved, 308), FaultSchedule.EveryCall);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName)));

        Assert.Contains("308", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CallCount(provider, EmulatorOperation.Create));
        Assert.Equal(0, emulator.CreatedTaskCount(provider));
        Assert.Equal(provider, error.ProviderName);
    }

    [Fact]
    public async Task Under_dependency_injection_a_redirect_is_not_followed_either()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var host = HostFixture.Build(HostFixture.Json(emulator));
        await host.StartAsync();
        var client = host.Services.GetRequiredKeyedService<IMotionControlClient>(MotionControlProviders.Vydra);
        var task = await client.SubmitAsync(HostFixture.Request());
        var moved = new Uri(emulator.BaseAddress, "moved-elsewhere/");
        emulator.AddFault(MotionControlProviders.Vydra, EmulatorOperation.Get, EmulatorFault.Redirect(moved, 302), FaultSchedule.EveryCall);
        var requestsBefore = emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.GetTaskAsync(task.Id));

        Assert.Contains(moved.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Requests.Skip(requestsBefore), r => r.Path.Contains("moved-elsewhere", StringComparison.Ordinal));
        await host.StopAsync();
    }
}
