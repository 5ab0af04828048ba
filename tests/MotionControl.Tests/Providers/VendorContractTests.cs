using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers;

/// <summary>
/// What every vendor's client must do the same way, run once per vendor (<c>KlingContract</c>, <c>PowerTokensContract</c>,
/// <c>ModelsLabContract</c>, <c>AimlApiContract</c>, <c>VydraContract</c>, <c>ReplicateContract</c>, each in its vendor's folder) against the
/// emulator over real HTTP. A subclass names its vendor and gives the few things the scenarios need from it (its word
/// for a failed task, an id it has no task for, the settings that hold its key, a mapped body field to override, a
/// create and a read through its typed API); what differs between vendors (body fields, status words, error shapes)
/// stays in the vendor's own classes.
/// </summary>
/// <remarks>
/// A reply that starts with a UTF-8 byte order mark is read like the same reply without it: that matrix (every vendor,
/// create, get, list and error replies) is <see cref="BomReplyTests"/>, not repeated here.
/// </remarks>
public abstract class VendorContractTests
{
    /// <summary>A key of the wrong account: long enough for the SDK to redact it verbatim.</summary>
    private const string WrongKey = "wrong-key-of-another-account-0001";

    /// <summary>Gets the vendor, a <see cref="MotionControlProviders"/> name.</summary>
    protected abstract string Provider { get; }

    /// <summary>Gets the settings a client without any key is refused for; the message names each.</summary>
    private protected virtual IReadOnlyList<string> KeySettings => ["ApiKey"];

    /// <summary>Gets a field the client maps from the default request, and a value the vendor accepts there, for additional properties to override.</summary>
    private protected abstract (string Field, string Value) MappedFieldOverride { get; }

    /// <summary>Creates a task through the vendor's typed API and reads it back through it; returns both ids. Checks what the vendor's typed reply itself carries.</summary>
    private protected abstract Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed);

    /// <summary>Gets the vendor's own status word for a failed task.</summary>
    private protected abstract string FailedStatusWord { get; }

    /// <summary>Gets an id the vendor has no task for, and the code its not-found reply carries (null where the vendor has no codes).</summary>
    private protected abstract (string Id, string? VendorCode) UnknownTask { get; }

    /// <summary>Checks what else the vendor's not-found error carries (its request id, its exact words); nothing by default.</summary>
    private protected virtual void AssertNotFoundDetails(MotionControlTaskNotFoundException error)
    {
    }

    /// <summary>The object of the create body that holds the mapped request fields: the body itself, or (Replicate) its <c>input</c>.</summary>
    private protected virtual JsonElement MappedFields(JsonElement body) => body;

    /// <summary>Leaves every key setting of <paramref name="options"/> as <paramref name="blank"/>.</summary>
    private protected virtual void BlankKeys(MotionControlClientOptions options, string? blank) => options.ApiKey = blank;

    private Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) => VendorTestBed.StartAsync(Provider, configure);

    [Fact]
    public async Task A_failed_task_ends_the_wait_with_the_vendors_reason()
    {
        const string Reason = "The character could not be detected in the image";
        await using var bed = await StartAsync();
        bed.Emulator.EnqueueLifecycle(Provider, new TaskLifecycle().Processing(1).Fails(Reason));

        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var failure = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(submitted.Id, failure.Task.Id);
        Assert.Equal(MotionControlTaskStatus.Failed, failure.Task.Status);
        Assert.True(failure.Task.IsTerminal);
        Assert.Equal(FailedStatusWord, failure.Task.VendorStatus);
        Assert.Equal(Reason, failure.Task.FailureReason);
        Assert.Equal(Reason, failure.VendorMessage);
        Assert.Contains(Reason, failure.Message, StringComparison.Ordinal);
        Assert.Empty(failure.Task.Videos);
        Assert.Equal(Reason, (await bed.Client.GetTaskAsync(submitted.Id)).FailureReason);
    }

    [Fact]
    public async Task A_failure_reason_that_echoes_the_key_is_redacted()
    {
        await using var bed = await StartAsync();
        var key = bed.Secrets[^1];
        bed.Emulator.EnqueueLifecycle(Provider, new TaskLifecycle().Processing(1).Fails($"upstream refused key {key} for this job"));

        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var failure = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id));

        Assert.Contains("upstream refused key", failure.Task.FailureReason, StringComparison.Ordinal);
        AssertShowsNoSecret(failure.Task.FailureReason!, bed.Secrets);
        AssertShowsNoSecret(failure.ToString(), bed.Secrets);
    }

    [Theory]
    [InlineData("rendering")]
    [InlineData("frobnicating")]
    public async Task An_unknown_status_word_keeps_the_task_running_is_logged_once_and_a_wait_over_it_still_succeeds(string word)
    {
        await using var bed = await StartAsync();
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(Provider, bed.ReadOperation, EmulatorFault.UnknownStatus(word), FaultSchedule.NextCalls(2));

        var odd = await bed.Client.GetTaskAsync(submitted.Id);
        var done = await bed.Client.WaitForCompletionAsync(submitted.Id);

        Assert.Equal(submitted.Id, odd.Id);
        Assert.Equal(MotionControlTaskStatus.Processing, odd.Status);
        Assert.Equal(word, odd.VendorStatus);
        Assert.False(odd.IsTerminal);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);

        // Two replies carried the word (the read and the wait's first poll): one warning per client, naming the task.
        var warning = Assert.Single(bed.Logs.Lines(), l => l.Contains($"unknown status word '{word}'", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains(submitted.Id, warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_client_without_its_key_is_refused_at_construction_naming_the_setting(string? blank)
    {
        var options = VendorTestBed.Options(Provider);
        BlankKeys(options, blank);

        var error = Assert.Throws<ArgumentException>(() => VendorTestBed.Construct(options));

        Assert.Equal("options", error.ParamName);
        foreach (var setting in KeySettings)
        {
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_option_refused_at_construction_is_named_and_the_key_is_never_shown()
    {
        var keys = new EmulatorCredentials
        {
            KlingAccessKey = "ak-never-shown-0001",
            KlingSecretKey = "sk-never-shown-0001",
            PowerTokensApiKey = "pt-never-shown-0001",
            ModelsLabApiKey = "ml-never-shown-0001",
            AimlApiKey = "aiml-never-shown-0001",
            VydraApiKey = "vydra_live_user_never_shown_0001",
            ReplicateApiKey = "r8_never_shown_0000000000000000000001",
            FalApiKey = "fal-never-shown-0001:fal-secret-never-shown",
        };
        var options = VendorTestBed.Options(Provider, keys);
        options.RequestTimeout = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentException>(() => VendorTestBed.Construct(options));

        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
        AssertShowsNoSecret(error.ToString(), VendorTestBed.SecretsOf(Provider, keys));
        AssertShowsNoSecret(options.ToString(), VendorTestBed.SecretsOf(Provider, keys));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_read_is_retried_after_one_server_error(int status)
    {
        await using var bed = await StartAsync();
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(Provider, bed.ReadOperation, EmulatorFault.ServerError(status));

        var polled = await bed.Client.GetTaskAsync(submitted.Id);

        Assert.Equal(submitted.Id, polled.Id);
        Assert.Equal(Provider, polled.ProviderName);
        Assert.Equal(2, bed.Emulator.CallCount(Provider, bed.ReadOperation));
        Assert.Contains(bed.Logs.Lines(), l => l.Contains("Retrying", StringComparison.Ordinal));
    }

    /// <summary>
    /// The vendor made the task but its reply never arrived whole. A vendor with client ids
    /// (<see cref="MotionControlCapabilities.SupportsExternalTaskId"/>) is asked for the task by the id the create carried;
    /// any other is never sent the create again, and the caller is told the outcome is unknown.
    /// </summary>
    [Theory]
    [InlineData("reply-lost")]
    [InlineData("truncated-json")]
    [InlineData("malformed-json")]
    public async Task A_lost_create_reply_is_recovered_by_external_id_or_reported_as_an_unknown_outcome_never_resent(string reply)
    {
        await using var bed = await StartAsync();
        var fault = reply switch
        {
            "reply-lost" => EmulatorFault.Abort(processRequest: true),
            "truncated-json" => EmulatorFault.TruncatedJson(),
            _ => EmulatorFault.MalformedJson(),
        };
        bed.Emulator.AddFault(Provider, EmulatorOperation.Create, fault, FaultSchedule.OnCall(1));

        if (bed.Client.Capabilities.SupportsExternalTaskId)
        {
            var task = await bed.Client.SubmitAsync(bed.Request());

            Assert.Equal(Assert.Single(bed.Emulator.GetTasks(Provider)).Id, task.Id);
            var sent = bed.CreateBody().GetProperty("external_task_id").GetString();
            Assert.StartsWith("mc-", sent, StringComparison.Ordinal);
            Assert.Equal(sent, task.ExternalTaskId);
            Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
            Assert.Equal(MotionControlTaskStatus.Succeeded, (await bed.Client.WaitForCompletionAsync(task.Id)).Status);
            return;
        }

        var unknown = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => bed.Client.SubmitAsync(bed.Request()));

        Assert.Equal(1, bed.Emulator.CallCount(Provider, EmulatorOperation.Create));
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
        Assert.Equal(Provider, unknown.ProviderName);
        Assert.NotNull(unknown.SubmittedAt);
        Assert.Contains("not re-sent", unknown.Message, StringComparison.Ordinal);
        AssertShowsNoSecret(unknown.ToString(), bed.Secrets);
    }

    [Fact]
    public async Task Additional_properties_are_merged_into_the_create_body_and_win_over_mapped_fields()
    {
        await using var bed = await StartAsync();
        var (field, value) = MappedFieldOverride;

        await bed.Client.SubmitAsync(bed.Request(r => r with
        {
            AdditionalProperties = new Dictionary<string, JsonNode?>
            {
                [field] = value,
                ["seed"] = 7,
                ["vendor_extra"] = new JsonObject { ["nested"] = 829836802793406551, ["flag"] = true },
            },
        }));

        var body = MappedFields(bed.CreateBody());
        var overridden = Assert.Single(body.EnumerateObject(), p => p.Name == field).Value;
        Assert.Equal(value, overridden.GetString());
        Assert.Equal(7, body.GetProperty("seed").GetInt32());
        Assert.Equal(829836802793406551, body.GetProperty("vendor_extra").GetProperty("nested").GetInt64());
        Assert.True(body.GetProperty("vendor_extra").GetProperty("flag").GetBoolean());
        Assert.Contains(body.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "https://example.com/character.png");
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(Provider));
    }

    [Fact]
    public async Task The_typed_api_creates_a_task_and_reads_it_back()
    {
        await using var bed = await StartAsync();

        var (createdId, readId) = await CreateAndReadThroughTypedApiAsync(bed);

        Assert.False(string.IsNullOrEmpty(createdId));
        Assert.Equal(createdId, readId);
        Assert.Equal(createdId, Assert.Single(bed.Emulator.GetTasks(Provider)).Id);
        Assert.Equal(bed.CreatePath, Assert.Single(bed.Calls(EmulatorOperation.Create)).Path);
        Assert.Single(bed.Calls(bed.ReadOperation));
        var neutral = await bed.Client.GetTaskAsync(createdId);
        Assert.Equal(createdId, neutral.Id);
        Assert.Equal(Provider, neutral.ProviderName);
    }

    [Fact]
    public async Task Reading_an_unknown_id_is_task_not_found_naming_the_id_and_is_not_retried()
    {
        await using var bed = await StartAsync();
        var (id, code) = UnknownTask;

        var error = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => bed.Client.GetTaskAsync(id));

        Assert.Equal(Provider, error.ProviderName);
        Assert.Equal(id, error.TaskId);
        Assert.Equal(code, error.VendorCode);
        Assert.False(error.IsTransient);
        Assert.Contains("not found", error.VendorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, bed.Emulator.CallCount(Provider, bed.ReadOperation));
        AssertNotFoundDetails(error);
    }

    [Fact]
    public async Task Logs_options_client_tasks_and_errors_never_show_the_key()
    {
        await using var bed = await StartAsync();
        bed.Emulator.AddFault(Provider, bed.ReadOperation, EmulatorFault.ServerError(500));
        bed.Emulator.AddFault(Provider, bed.ReadOperation, EmulatorFault.UnknownStatus("warming-up"));

        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var polled = await bed.Client.GetTaskAsync(submitted.Id);
        MotionControlAuthenticationException denied;
        using (var wrongKey = bed.NewClient(o =>
        {
            o.ApiKey = WrongKey;
            o.MaxRetryAttempts = 0;
        }))
        {
            denied = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => wrongKey.GetTaskAsync(submitted.Id));
        }

        Assert.Contains(bed.Logs.Lines(), l => l.Contains("Retrying", StringComparison.Ordinal));
        Assert.Contains(bed.Logs.Lines(), l => l.Contains("warming-up", StringComparison.Ordinal));
        string[] secrets = [.. bed.Secrets, WrongKey];
        Assert.All(bed.Logs.Lines(), line => AssertShowsNoSecret(line, secrets));
        AssertShowsNoSecret(VendorTestBed.Options(Provider, bed.Emulator.Credentials).ToString(), secrets);
        AssertShowsNoSecret(bed.Client.ToString(), secrets);
        AssertShowsNoSecret(bed.Client.Capabilities.ToString(), secrets);
        AssertShowsNoSecret(submitted.ToString(), secrets);
        AssertShowsNoSecret(polled.ToString(), secrets);
        AssertShowsNoSecret(denied.ToString(), secrets);
        AssertShowsNoSecret(denied.VendorMessage, secrets);
    }

    [Fact]
    public async Task An_error_page_echoing_the_key_is_redacted_in_the_exception_and_the_logs()
    {
        await using var bed = await StartAsync(o => o.MaxRetryAttempts = 0);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var page = $"<html>key {string.Join(" and ", bed.Secrets)} rejected</html>";
        bed.Emulator.AddFault(Provider, bed.ReadOperation, EmulatorFault.RawResponse(503, page, "text/html"));

        var error = await Assert.ThrowsAsync<MotionControlServerException>(() => bed.Client.GetTaskAsync(submitted.Id));

        Assert.Contains("rejected", error.VendorMessage, StringComparison.Ordinal);
        Assert.Contains("***", error.VendorMessage, StringComparison.Ordinal);
        AssertShowsNoSecret(error.VendorMessage, bed.Secrets);
        AssertShowsNoSecret(error.Message, bed.Secrets);
        AssertShowsNoSecret(error.ToString(), bed.Secrets);
        Assert.All(bed.Logs.Lines(), line => AssertShowsNoSecret(line, bed.Secrets));
    }

    /// <summary>None of <paramref name="secrets"/>, nor any JWT (a Kling bearer token), shows in <paramref name="text"/>.</summary>
    private static void AssertShowsNoSecret(string? text, IEnumerable<string> secrets) => SecretAssert.ShowsNoSecret(text, secrets);
}
