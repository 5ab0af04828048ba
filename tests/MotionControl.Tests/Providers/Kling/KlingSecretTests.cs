using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>Neither the keys nor the JWT appear in exceptions, <c>ToString()</c> or logs, even when the vendor echoes them back.</summary>
public sealed class KlingSecretTests
{
    private static void AssertClean(string text, params string[] secrets) => SecretAssert.ShowsNoSecret(text, secrets);

    [Fact]
    public void Options_and_client_print_no_credentials()
    {
        var options = new KlingOptions { AccessKey = "ak-0123456789", SecretKey = "sk-0123456789", ApiKey = "api-0123456789" };
        using var client = new KlingClient(options);

        AssertClean(options.ToString(), "ak-0123456789", "sk-0123456789", "api-0123456789");
        AssertClean(client.ToString(), "ak-0123456789", "sk-0123456789", "api-0123456789");
        Assert.Equal("KlingClient(https://api-singapore.klingai.com/)", client.ToString());
    }

    [Fact]
    public async Task A_vendor_message_echoing_the_token_and_keys_is_redacted_in_the_exception_and_logs()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, o => o.MaxRetryAttempts = 0);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var token = bed.Emulator.Requests[0].Headers["Authorization"]["Bearer ".Length..];
        var credentials = bed.Emulator.Credentials;
        var echo = $"bad token {token} for {credentials.KlingAccessKey} signed with {credentials.KlingSecretKey}";
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(1000, echo));

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => bed.Client.GetTaskAsync(submitted.Id));

        AssertClean(error.ToString(), token, credentials.KlingAccessKey, credentials.KlingSecretKey);
        AssertClean(error.VendorMessage!, token, credentials.KlingAccessKey, credentials.KlingSecretKey);
        Assert.Contains("bad token", error.VendorMessage, StringComparison.Ordinal);
        foreach (var line in bed.Logs.Lines())
        {
            AssertClean(line, token, credentials.KlingAccessKey, credentials.KlingSecretKey);
        }
    }

    [Fact]
    public async Task An_html_error_page_echoing_the_api_key_is_redacted()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new KlingClient(new KlingOptions { BaseAddress = emulator.KlingBaseAddress, ApiKey = emulator.Credentials.KlingApiKey, MaxRetryAttempts = 0 });
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(503, $"<html>key {emulator.Credentials.KlingApiKey} rejected</html>", "text/html"));

        var error = await Assert.ThrowsAsync<MotionControlServerException>(() => client.GetTaskAsync("123"));

        AssertClean(error.ToString(), emulator.Credentials.KlingApiKey);
        Assert.Contains("rejected", error.VendorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_create_reply_exception_carries_no_credentials()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.Abort());
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.Abort(), FaultSchedule.EveryCall);

        var error = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "unknown-1" })));

        Assert.Equal("unknown-1", error.ExternalTaskId);
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
        AssertClean(error.ToString(), bed.Emulator.Credentials.KlingAccessKey, bed.Emulator.Credentials.KlingSecretKey);
        foreach (var line in bed.Logs.Lines())
        {
            AssertClean(line, bed.Emulator.Credentials.KlingAccessKey, bed.Emulator.Credentials.KlingSecretKey);
        }
    }
}
