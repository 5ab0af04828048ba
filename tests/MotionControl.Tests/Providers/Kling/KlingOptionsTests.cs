using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>Kling's options: hosts, credentials (which wins), and construction errors that name settings, never values.</summary>
public sealed class KlingOptionsTests
{
    [Fact]
    public void The_default_host_is_api_singapore()
    {
        Assert.Equal(new Uri("https://api-singapore.klingai.com"), new KlingOptions().BaseAddress);
        Assert.Equal(KlingOptions.SingaporeBaseAddress, new KlingOptions().BaseAddress);
        Assert.Equal(new Uri("https://api.klingai.com"), KlingOptions.GlobalBaseAddress);
        Assert.Equal(new Uri("https://api-beijing.klingai.com"), KlingOptions.BeijingBaseAddress);
    }

    [Fact]
    public void An_access_key_without_its_secret_key_is_refused_without_showing_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new KlingClient(new KlingOptions { AccessKey = "ak-visible-if-leaked" }));

        Assert.Contains("SecretKey is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ak-visible-if-leaked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_key_without_its_access_key_is_refused_without_showing_the_secret()
    {
        var error = Assert.Throws<ArgumentException>(() => new KlingClient(new KlingOptions { SecretKey = "sk-visible-if-leaked" }));

        Assert.Contains("AccessKey is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-visible-if-leaked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_options_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new KlingClient(null!));
    }

    [Fact]
    public async Task An_api_key_is_sent_as_the_bearer_token()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        using var client = new KlingClient(new KlingOptions { BaseAddress = emulator.KlingBaseAddress, ApiKey = emulator.Credentials.KlingApiKey });

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));

        Assert.Equal("Bearer " + emulator.Credentials.KlingApiKey, Assert.Single(emulator.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task When_both_an_api_key_and_an_access_key_pair_are_set_the_api_key_wins()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        using var client = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.KlingBaseAddress,
            ApiKey = emulator.Credentials.KlingApiKey,
            AccessKey = "ignored-access-key",
            SecretKey = "ignored-secret-key",
        });

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));

        Assert.Equal("Bearer " + emulator.Credentials.KlingApiKey, Assert.Single(emulator.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task A_callers_http_client_is_used_and_authenticated_per_request()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        using var http = new HttpClient();
        using var client = new KlingClient(
            new KlingOptions
            {
                BaseAddress = emulator.KlingBaseAddress,
                AccessKey = emulator.Credentials.KlingAccessKey,
                SecretKey = emulator.Credentials.KlingSecretKey,
            },
            http);

        var task = await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));
        client.Dispose();

        Assert.NotNull(task.Id);
        Assert.StartsWith("Bearer eyJ", Assert.Single(emulator.Requests).Headers["Authorization"], StringComparison.Ordinal);
        Assert.Null(http.BaseAddress);
        Assert.Null(http.DefaultRequestHeaders.Authorization);
        using var stillUsable = await http.GetAsync(emulator.BaseAddress);
    }

    [Fact]
    public async Task Changing_the_options_after_the_client_is_built_changes_nothing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        var options = new KlingOptions { BaseAddress = emulator.KlingBaseAddress, ApiKey = emulator.Credentials.KlingApiKey };
        using var client = new KlingClient(options);
        options.ApiKey = "changed-afterwards";
        options.BaseAddress = new Uri("http://127.0.0.1:1/");

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling));

        Assert.Equal("Bearer " + emulator.Credentials.KlingApiKey, Assert.Single(emulator.Requests).Headers["Authorization"]);
    }
}
