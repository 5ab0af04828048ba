using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

public class HostingTests
{
    [Fact]
    public async Task A_host_built_from_json_runs_a_job_on_every_vendor_resolved_by_key()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var host = HostFixture.Build(HostFixture.Json(emulator));
        await host.StartAsync();

        foreach (var provider in MotionControlProviders.All)
        {
            var client = host.Services.GetRequiredKeyedService<IMotionControlClient>(provider);
            Assert.Equal(provider, client.ProviderName);

            var task = await client.GenerateAsync(HostFixture.Request());

            Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
            Assert.NotEmpty(task.Videos);
            Assert.Equal(1, emulator.CreatedTaskCount(provider));
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task The_default_client_the_factory_and_the_typed_apis_resolve()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var host = HostFixture.Build(HostFixture.Json(emulator, defaultProvider: "vydra"));
        await host.StartAsync();

        Assert.Equal("vydra", host.Services.GetRequiredService<IMotionControlClient>().ProviderName);
        var factory = host.Services.GetRequiredService<IMotionControlClientFactory>();
        Assert.Equal(["kling", "powertokens", "modelslab", "aimlapi", "vydra", "replicate", "fal"], factory.ProviderNames);
        Assert.Same(host.Services.GetRequiredKeyedService<IMotionControlClient>("modelslab"), factory.GetClient("ModelsLab"));
        Assert.Throws<ArgumentException>(() => factory.GetClient("sora"));
        Assert.Same(host.Services.GetRequiredService<KlingClient>().Api, host.Services.GetRequiredService<IKlingApi>());
        Assert.NotNull(host.Services.GetRequiredService<IVydraApi>());
        Assert.NotNull(host.Services.GetRequiredService<IModelsLabApi>());
        Assert.Same(host.Services.GetRequiredService<ReplicateClient>().Api, host.Services.GetRequiredService<IReplicateApi>());
        Assert.Same(host.Services.GetRequiredService<FalClient>().Api, host.Services.GetRequiredService<IFalApi>());
        Assert.Same(host.Services.GetRequiredKeyedService<IMotionControlClient>("fal"), factory.GetClient("Fal"));
    }

    [Fact]
    public async Task Providers_added_in_code_run_through_the_http_client_factory_with_the_callers_handlers()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddMotionControl(d => d.WaitOptions = d.WaitOptions with { PollInterval = TimeSpan.FromMilliseconds(10), Jitter = 0 })
            .AddVydra(o => { o.BaseAddress = emulator.BaseAddress; o.ApiKey = emulator.Credentials.VydraApiKey; })
            .ConfigureHttpClient("vydra", http => http.AddHttpMessageHandler(() => counter));
        await using var provider = services.BuildServiceProvider();

        var task = await provider.GetRequiredService<IMotionControlClient>().GenerateAsync(HostFixture.Request());

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.True(counter.Calls >= 2, $"the caller's handler saw {counter.Calls} calls");
        Assert.All(emulator.Requests, r => Assert.StartsWith("MotionControl/", r.Headers["User-Agent"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"ApiKey\": \"{aiml}\"", "\"ApiKey\": \"\"", "MotionControl:AimlApi", "ApiKey")]
    [InlineData("\"SecretKey\": \"{secret}\"", "\"SecretKey\": null", "MotionControl:Kling", "SecretKey")]
    [InlineData("\"RetryMaxDelay\": \"00:00:00.050\"", "\"RetryMaxDelay\": \"00:00:00.050\", \"MaxRetryAttempts\": 99", "MotionControl:", "MaxRetryAttempts")]
    [InlineData("\"Vydra\":       {", "\"Vydra\":       { \"Model\": \"kling-v3\",", "MotionControl:Vydra", "Model")]
    public async Task Bad_configuration_fails_at_start_naming_the_setting(string find, string replace, string path, string setting)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        find = find.Replace("{aiml}", emulator.Credentials.AimlApiKey, StringComparison.Ordinal)
            .Replace("{secret}", emulator.Credentials.KlingSecretKey, StringComparison.Ordinal);
        var json = HostFixture.Json(emulator);
        Assert.Contains(find, json);
        using var host = HostFixture.Build(json.Replace(find, replace, StringComparison.Ordinal));

        // Every provider's problems are reported at once (an AggregateException when several fail).
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.True(error is OptionsValidationException || error is AggregateException { InnerExceptions: [OptionsValidationException, ..] }, error.GetType().Name);

        Assert.Contains(path, error.Message);
        Assert.Contains(setting, error.Message);
        Assert.DoesNotContain(emulator.Credentials.KlingSecretKey, error.Message);
    }

    /// <summary>"ApiVersion": "V2" binds (ignoring case) and the client speaks API 2.0: its create goes to the model path.</summary>
    [Fact]
    public async Task Kling_s_api_version_binds_from_configuration()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var c = emulator.Credentials;
        var json = HostFixture.Json(emulator, edit: j => j.Replace(
            $"\"AccessKey\": \"{c.KlingAccessKey}\", \"SecretKey\": \"{c.KlingSecretKey}\"",
            $"\"ApiKey\": \"{c.KlingApiKey}\", \"ApiVersion\": \"v2\"",
            StringComparison.Ordinal));
        using var host = HostFixture.Build(json);
        await host.StartAsync();

        var kling = host.Services.GetRequiredService<KlingClient>();
        await kling.SubmitAsync(HostFixture.Request());

        Assert.Equal(MotionControl.Providers.Kling.KlingApiVersion.V2, kling.ApiVersion);
        Assert.Equal("/motion-control/kling-2.6", Assert.Single(emulator.Requests).Path);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("V3")]
    [InlineData("1")]
    public void An_unknown_api_version_fails_naming_the_setting(string value)
    {
        var json = """{ "MotionControl": { "Kling": { "ApiKey": "k", "ApiVersion": "VALUE" } } }""".Replace("VALUE", value, StringComparison.Ordinal);
        using var host = HostFixture.Build(json);

        var error = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<KlingClient>());

        Assert.Contains("MotionControl:Kling:ApiVersion", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("V1, V2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_expected_job_duration_binds_from_configuration()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = HostFixture.Json(emulator, edit: j => j.Replace("\"Jitter\": 0,", "\"Jitter\": 0, \"ExpectedDuration\": \"00:02:30\",", StringComparison.Ordinal));
        using var host = HostFixture.Build(json);

        var options = host.Services.GetRequiredService<IOptions<MotionControl.Providers.AimlApi.AimlApiOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(150), options.WaitOptions.ExpectedDuration);
    }

    [Fact]
    public async Task A_negative_expected_job_duration_fails_at_start()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = HostFixture.Json(emulator, edit: j => j.Replace("\"Jitter\": 0,", "\"Jitter\": 0, \"ExpectedDuration\": \"-00:01:00\",", StringComparison.Ordinal));
        using var host = HostFixture.Build(json);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("WaitOptions.ExpectedDuration", error.Message);
    }

    [Fact]
    public async Task A_value_that_does_not_parse_fails_at_start_with_its_path()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = HostFixture.Json(emulator, edit: j => j.Replace("\"Vydra\":       { \"BaseAddress\": ", "\"Vydra\":       { \"RequestTimeout\": \"soon\", \"BaseAddress\": ", StringComparison.Ordinal));
        using var host = HostFixture.Build(json);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("MotionControl:Vydra:RequestTimeout", error.Message);
    }

    [Fact]
    public async Task A_base_address_that_is_not_http_fails_at_start()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = HostFixture.Json(emulator, edit: j => j.Replace($"\"Vydra\":       {{ \"BaseAddress\": \"{emulator.BaseAddress.AbsoluteUri}\"", "\"Vydra\":       { \"BaseAddress\": \"ftp://example.com/\"", StringComparison.Ordinal));
        using var host = HostFixture.Build(json);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("MotionControl:Vydra", error.Message);
        Assert.Contains("BaseAddress", error.Message);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
