using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

/// <summary>Registrations by name: two accounts of one vendor in one host, each with its own credentials.</summary>
public class NamedRegistrationTests
{
    private static EmulatorAccount Eu() => new("eu")
    {
        KlingAccessKey = "eu-kling-access-key",
        KlingSecretKey = "eu-kling-secret-key-00000000000000",
        VydraApiKey = "vydra_live_user_eu_1111111111111111",
    };

    private static Task<MotionControlEmulator> StartAsync() =>
        MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [Eu()] } });

    private static void Fast(MotionControlClientOptions options, MotionControlEmulator emulator)
    {
        options.BaseAddress = emulator.BaseAddress;
        options.WaitOptions = VendorTestBed.FastWait;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
    }

    [Fact]
    public async Task Two_kling_registrations_run_jobs_side_by_side_each_with_its_own_credentials()
    {
        await using var emulator = await StartAsync();
        var eu = Eu();
        var services = new ServiceCollection();
        services.AddMotionControl()
            .AddKling(o =>
            {
                Fast(o, emulator);
                o.AccessKey = emulator.Credentials.KlingAccessKey;
                o.SecretKey = emulator.Credentials.KlingSecretKey;
            })
            .AddKling("kling-eu", o =>
            {
                Fast(o, emulator);
                o.AccessKey = eu.KlingAccessKey;
                o.SecretKey = eu.KlingSecretKey;
            });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredKeyedService<IMotionControlClient>("kling");
        var second = provider.GetRequiredKeyedService<IMotionControlClient>("kling-eu");
        Assert.NotSame(first, second);
        Assert.Equal("kling", second.ProviderName);
        Assert.Same(second, provider.GetRequiredService<IMotionControlClientFactory>().GetClient("kling-eu"));
        Assert.Equal(["kling", "kling-eu"], provider.GetRequiredService<IMotionControlClientFactory>().ProviderNames);

        var jobs = await Task.WhenAll(
            first.GenerateAsync(HostFixture.Request()),
            second.GenerateAsync(HostFixture.Request()));
        Assert.All(jobs, job => Assert.Equal(MotionControlTaskStatus.Succeeded, job.Status));

        // The emulator scopes tasks per account and logs which account authenticated each request.
        var byTask = emulator.Requests.Where(r => r.Provider == EmulatorProviders.Kling).ToList();
        Assert.All(byTask, r => Assert.NotNull(r.Account));
        Assert.Contains(byTask, r => r.Account == EmulatorCredentials.DefaultAccountName && r.Path.EndsWith(jobs[0].Id, StringComparison.Ordinal));
        Assert.Contains(byTask, r => r.Account == "eu" && r.Path.EndsWith(jobs[1].Id, StringComparison.Ordinal));
        Assert.DoesNotContain(byTask, r => r.Account == "eu" && r.Path.EndsWith(jobs[0].Id, StringComparison.Ordinal));
        Assert.DoesNotContain(byTask, r => r.Account == EmulatorCredentials.DefaultAccountName && r.Path.EndsWith(jobs[1].Id, StringComparison.Ordinal));

        // Each registration has its own typed API, options and HTTP client name; the unkeyed ones are the first registration's.
        Assert.Same(((KlingClient)second).Api, provider.GetRequiredKeyedService<IKlingApi>("kling-eu"));
        Assert.Same(first, provider.GetRequiredService<KlingClient>());
        Assert.Equal(eu.KlingAccessKey, provider.GetRequiredService<IOptionsMonitor<KlingOptions>>().Get("kling-eu").AccessKey);
        Assert.Equal(emulator.Credentials.KlingAccessKey, provider.GetRequiredService<IOptions<KlingOptions>>().Value.AccessKey);
    }

    [Fact]
    public async Task A_second_account_registers_from_a_configuration_section_that_names_its_vendor()
    {
        await using var emulator = await StartAsync();
        var eu = Eu();
        var json = HostFixture.Json(emulator, edit: j => j.Replace(
            "\"Vydra\":",
            $"\"vydra-eu\": {{ \"Vendor\": \"Vydra\", \"BaseAddress\": \"{emulator.BaseAddress.AbsoluteUri}\", \"ApiKey\": \"{eu.VydraApiKey}\" }},\n \"Vydra\":",
            StringComparison.Ordinal));
        using var host = HostFixture.Build(json);
        await host.StartAsync();

        var client = host.Services.GetRequiredKeyedService<IMotionControlClient>("vydra-eu");
        Assert.IsType<VydraClient>(client);
        var task = await client.SubmitAsync(HostFixture.Request());

        var create = Assert.Single(emulator.Requests, r => r.Provider == EmulatorProviders.Vydra && r.Operation == EmulatorOperation.Create);
        Assert.Equal("eu", create.Account);
        Assert.NotEqual(task.Id, (await host.Services.GetRequiredKeyedService<IMotionControlClient>("vydra").SubmitAsync(HostFixture.Request())).Id);
        await host.StopAsync();
    }

    [Fact]
    public void A_name_already_taken_by_another_vendor_is_refused_naming_both()
    {
        var builder = new ServiceCollection().AddMotionControl().AddVydra("main", o => o.ApiKey = "k");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddKling("main", o => o.ApiKey = "k"));

        Assert.Contains("'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("vydra", error.Message, StringComparison.Ordinal);
        Assert.Contains("kling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_named_registration_fails_start_up_naming_its_own_section_and_not_the_others()
    {
        await using var emulator = await StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMotionControl()
            .AddKling(o =>
            {
                Fast(o, emulator);
                o.ApiKey = emulator.Credentials.KlingApiKey;
            })
            .AddKling("kling-eu", o => Fast(o, emulator));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MotionControl:kling-eu", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MotionControl:Kling:", error.Message, StringComparison.Ordinal);
    }
}
