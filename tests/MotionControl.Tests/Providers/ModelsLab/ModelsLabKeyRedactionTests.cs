using MotionControl.Testing;

namespace MotionControl.Tests.Providers.ModelsLab;

/// <summary>ModelsLab's key travels in every body, yet never shows in logs, exception text or <c>ToString()</c>.</summary>
public sealed class ModelsLabKeyRedactionTests
{
    // A key of the emulator's choosing that a reply can echo verbatim.
    private const string SecretKey = "ml-secret-4f9a2c7e1b";

    private static Task<VendorTestBed> StartAsync(int maxRetries = 2) =>
        VendorTestBed.StartAsync(
            MotionControlProviders.ModelsLab,
            o => o.MaxRetryAttempts = maxRetries,
            credentials: new EmulatorCredentials { ModelsLabApiKey = SecretKey },
            redactSecrets: true);

    private static void AssertNoKey(string? text) => Assert.DoesNotContain(SecretKey, text ?? string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task A_protocol_error_excerpt_of_a_reply_that_echoes_the_key_is_redacted()
    {
        await using var bed = await StartAsync(maxRetries: 0);
        var client = bed.Client;
        var submitted = await client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(
            EmulatorProviders.ModelsLab,
            EmulatorOperation.Fetch,
            EmulatorFault.RawResponse(200, $"{{\"status\":\"processing\",\"key\":\"{SecretKey}\",\"note\":\"request by {SecretKey}\""));

        var garbled = await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetTaskAsync(submitted.Id));

        Assert.NotNull(garbled.ResponseExcerpt);
        Assert.Contains("\"status\":\"processing\"", garbled.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("***", garbled.ResponseExcerpt, StringComparison.Ordinal);
        AssertNoKey(garbled.ResponseExcerpt);
        AssertNoKey(garbled.ToString());
    }

    [Fact]
    public async Task Error_messages_that_echo_the_key_are_redacted_in_HTTP_errors_and_in_200_errors()
    {
        await using var bed = await StartAsync(maxRetries: 0);
        var client = bed.Client;
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError($"Invalid API key {SecretKey}", statusCode: 401));
        bed.Emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError($"prompt rejected for key {SecretKey}"));

        var in401 = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.SubmitAsync(bed.Request()));
        var in200 = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(bed.Request()));

        foreach (var error in new MotionControlException[] { in401, in200 })
        {
            AssertNoKey(error.Message);
            AssertNoKey(error.VendorMessage);
            AssertNoKey(error.ToString());
            Assert.Contains("***", error.VendorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failure_reason_that_echoes_the_key_is_redacted_in_the_task()
    {
        await using var bed = await StartAsync();
        var client = bed.Client;
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Fails($"generation failed for {SecretKey}"));
        var submitted = await client.SubmitAsync(bed.Request());

        var failed = await client.GetTaskAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Failed, failed.Status);
        AssertNoKey(failed.FailureReason);
        AssertNoKey(failed.ToString());
    }
}
