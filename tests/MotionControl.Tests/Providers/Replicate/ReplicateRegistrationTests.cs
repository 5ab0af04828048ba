using Microsoft.Extensions.DependencyInjection;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Replicate;
using MotionControl.Testing;
using MotionControl.Tests.DependencyInjection;

namespace MotionControl.Tests.Providers.Replicate;

/// <summary><c>AddReplicate</c> and the <c>MotionControl:Replicate</c> configuration section.</summary>
public sealed class ReplicateRegistrationTests
{
    [Fact]
    public async Task The_configuration_section_binds_the_token_and_CancelAfter_which_every_create_sends()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var host = HostFixture.Build(HostFixture.Json(emulator));
        await host.StartAsync();

        var client = host.Services.GetRequiredKeyedService<IMotionControlClient>(MotionControlProviders.Replicate);
        var task = await client.GenerateAsync(HostFixture.Request());

        Assert.IsType<ReplicateClient>(client);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("5m", Assert.Single(emulator.Requests, r => r.Provider == EmulatorProviders.Replicate && r.Operation == EmulatorOperation.Create).Headers["Cancel-After"]);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("\"CancelAfter\": \"soon\"", "MotionControl:Replicate:CancelAfter")]
    [InlineData("\"CancelAfter\": \"00:00:04\"", "CancelAfter")]
    public async Task A_CancelAfter_that_does_not_parse_or_is_below_5_s_fails_at_start_naming_it(string setting, string named)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = HostFixture.Json(emulator, edit: j => j.Replace("\"CancelAfter\": \"00:05:00\"", setting, StringComparison.Ordinal));
        using var host = HostFixture.Build(json);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.ReplicateApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_overload_registers_under_its_name_and_resolves_the_typed_api()
    {
        var services = new ServiceCollection();
        services.AddMotionControl()
            .AddReplicate(o => o.ApiKey = "r8_default")
            .AddReplicate("replicate-team", o => o.ApiKey = "r8_team");
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IMotionControlClientFactory>();
        Assert.Equal([MotionControlProviders.Replicate, "replicate-team"], factory.ProviderNames);
        Assert.IsType<ReplicateClient>(factory.GetClient("replicate-team"));
        Assert.NotNull(provider.GetRequiredService<IReplicateApi>());
        Assert.NotSame(factory.GetClient(MotionControlProviders.Replicate), factory.GetClient("replicate-team"));
    }
}
