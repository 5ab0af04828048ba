using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>
/// Every fault the emulator can inject, on create and on poll, for every vendor: the run ends in success or in the right
/// typed exception, and the vendor never holds more than one task (exactly one when the run succeeded).
/// </summary>
public class FaultMatrixTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in MotionControlProviders.All)
        {
            foreach (var fault in Faults.Keys)
            {
                data.Add(provider, "create", fault);
                data.Add(provider, "poll", fault);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<EmulatorFault>> Faults = new()
    {
        ["429"] = () => EmulatorFault.RateLimited(TimeSpan.FromMilliseconds(20)),
        ["500"] = () => EmulatorFault.ServerError(500),
        ["502"] = () => EmulatorFault.ServerError(502),
        ["503"] = () => EmulatorFault.ServerError(503),
        ["504"] = () => EmulatorFault.ServerError(504),
        ["reply-lost"] = () => EmulatorFault.Abort(processRequest: true),
        ["aborted-before-processing"] = () => EmulatorFault.Abort(processRequest: false),
        ["aborted-mid-body"] = EmulatorFault.AbortMidBody,
        ["delayed-past-timeout"] = () => EmulatorFault.Delay(TimeSpan.FromSeconds(3)),
        ["malformed-json"] = EmulatorFault.MalformedJson,
        ["truncated-json"] = EmulatorFault.TruncatedJson,
        ["unknown-status"] = () => EmulatorFault.UnknownStatus(),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_ends_in_success_or_a_typed_error_and_never_in_a_second_task(string provider, string where, string faultName)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var fault = Faults[faultName]();
        if (faultName == "unknown-status" && where == "create")
        {
            return; // a status word only matters on reads
        }

        var operation = where == "create" ? EmulatorOperation.Create : VendorTestBed.ReadOperationFor(provider);
        emulator.AddFault(provider, operation, fault, FaultSchedule.OnCall(1));
        // 2 s per attempt: below the 3 s delay fault, and far enough above a loaded CI machine's slowest healthy reply
        // (1 s made a ModelsLab poll time out on every attempt once under a whole-solution run).
        using var client = VendorTestBed.CreateClient(provider, emulator, o => o.RequestTimeout = TimeSpan.FromSeconds(2));

        MotionControlTask? result = null;
        Exception? error = null;
        try
        {
            result = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        }
        catch (MotionControlException ex)
        {
            error = ex;
        }

        var created = emulator.CreatedTaskCount(provider);
        Assert.InRange(created, 0, 1);
        if (result is not null)
        {
            Assert.Equal(MotionControlTaskStatus.Succeeded, result.Status);
            Assert.Equal(1, created);
            return;
        }

        // Only creates may fail, and only with what the caller can act on; reads always recover from one fault.
        Assert.NotNull(error);
        Assert.True(where == "create", $"a {faultName} fault on a {where} ended the run, but reads always recover from one fault: {error}");
        Assert.False(client.Capabilities.SupportsExternalTaskId && faultName is "reply-lost" or "500" or "502" or "503" or "504",
            $"{provider} has client ids, so an unknown outcome must be recovered, but the run failed: {error}");
        switch (faultName)
        {
            case "429":
                Assert.IsType<MotionControlRateLimitedException>(error);
                Assert.Equal(0, created);
                break;
            case "aborted-before-processing":
                Assert.IsType<MotionControlSubmissionOutcomeUnknownException>(error);
                Assert.Equal(0, created);
                break;
            default:
                var unknown = Assert.IsType<MotionControlSubmissionOutcomeUnknownException>(error);
                Assert.Equal(provider, unknown.ProviderName);
                Assert.NotNull(unknown.SubmittedAt);
                break;
        }
    }

    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.Vydra)]
    public async Task A_refused_connection_is_retried_because_the_create_never_left(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var refusing = new RefusingFirstConnectHandler();
        using var http = new HttpClient(refusing);
        var client = provider == MotionControlProviders.Kling
            ? (MotionControlClient)new MotionControl.Providers.Kling.KlingClient(new MotionControl.Providers.Kling.KlingOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.KlingApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, http)
            : new MotionControl.Providers.Vydra.VydraClient(new MotionControl.Providers.Vydra.VydraOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.VydraApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, http);
        using (client)
        {
            var task = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
            Assert.False(string.IsNullOrEmpty(task.Id));
        }

        Assert.Equal(2, refusing.Attempts);
        Assert.Equal(1, emulator.CreatedTaskCount(provider));
    }

    [Fact]
    public async Task A_wait_with_a_2_s_deadline_against_a_reply_delayed_30_s_ends_on_time()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);
        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(client.ProviderName));
        emulator.AddFault(MotionControlProviders.Vydra, EmulatorOperation.Get, EmulatorFault.Delay(TimeSpan.FromSeconds(30)), FaultSchedule.EveryCall);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(
            () => client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Timeout = TimeSpan.FromSeconds(2) }));

        // The goal is 2.2 s; the bound is generous so a loaded CI machine cannot make it flaky (timing lives in benchmarks).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the wait took {clock.Elapsed}");
        Assert.Equal(submitted.Id, timeout.TaskId);
    }

    /// <summary>Fails the first connection attempt the way a refused TCP connect does, before any byte is sent.</summary>
    private sealed class RefusingFirstConnectHandler : DelegatingHandler
    {
        private int _attempts;

        public RefusingFirstConnectHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && Interlocked.Increment(ref _attempts) == 1)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1)");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
