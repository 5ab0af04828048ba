using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.ModelsLab;

/// <summary>ModelsLab's key travels in every body, yet never shows in logs, exception text or <c>ToString()</c>.</summary>
public sealed class ModelsLabKeyRedactionTests : IAsyncLifetime
{
    // A key of the emulator's choosing that a reply can echo verbatim.
    private const string SecretKey = "ml-secret-4f9a2c7e1b";

    private readonly RecordingLoggerFactory _logs = new();
    private MotionControlEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { ModelsLabApiKey = SecretKey } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private ModelsLabClient Client(int maxRetries = 2) => new(new ModelsLabOptions
    {
        ApiKey = SecretKey,
        BaseAddress = _emulator.ModelsLabBaseAddress,
        LoggerFactory = _logs,
        MaxRetryAttempts = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
    });

    private static MotionControlRequest Request() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.png"),
        Video = MediaSource.FromUri("https://example.com/dance.mp4"),
        Prompt = "dance",
    };

    private static void AssertNoKey(string? text) => Assert.DoesNotContain(SecretKey, text ?? string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task A_protocol_error_excerpt_of_a_reply_that_echoes_the_key_is_redacted()
    {
        using var client = Client(maxRetries: 0);
        var submitted = await client.SubmitAsync(Request());
        _emulator.AddFault(
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
        using var client = Client(maxRetries: 0);
        _emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError($"Invalid API key {SecretKey}", statusCode: 401));
        _emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError($"prompt rejected for key {SecretKey}"));

        var in401 = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.SubmitAsync(Request()));
        var in200 = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(Request()));

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
        _emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Fails($"generation failed for {SecretKey}"));
        using var client = Client();
        var submitted = await client.SubmitAsync(Request());

        var failed = await client.GetTaskAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Failed, failed.Status);
        AssertNoKey(failed.FailureReason);
        AssertNoKey(failed.ToString());
    }

    [Fact]
    public async Task A_lost_create_reply_becomes_an_unknown_outcome_whose_text_has_no_key()
    {
        using var client = Client();
        _emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.MalformedJson());

        var unknown = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.SubmitAsync(Request()));

        Assert.Equal(1, _emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
        Assert.Equal(1, _emulator.CallCount(EmulatorProviders.ModelsLab, EmulatorOperation.Create));
        AssertNoKey(unknown.ToString());
    }

    [Fact]
    public async Task Logs_options_client_and_tasks_never_show_the_key()
    {
        var options = new ModelsLabOptions { ApiKey = SecretKey, BaseAddress = _emulator.ModelsLabBaseAddress };
        using var client = Client();
        _emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, EmulatorFault.ServerError(500));
        _emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, EmulatorFault.UnknownStatus("warming-up"));

        var submitted = await client.SubmitAsync(Request());
        var polled = await client.GetTaskAsync(submitted.Id);
        using (var wrongKey = new ModelsLabClient(new ModelsLabOptions { ApiKey = "wrong-key-value", BaseAddress = _emulator.ModelsLabBaseAddress, LoggerFactory = _logs }))
        {
            await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => wrongKey.GetTaskAsync(submitted.Id));
        }

        Assert.NotEmpty(_logs.Lines);
        Assert.Contains(_logs.Lines, l => l.Contains("Retrying", StringComparison.Ordinal));
        Assert.All(_logs.Lines, AssertNoKey);
        AssertNoKey(options.ToString());
        AssertNoKey(client.ToString());
        AssertNoKey(submitted.ToString());
        AssertNoKey(polled.ToString());
        AssertNoKey(client.Capabilities.ToString());
    }
}
