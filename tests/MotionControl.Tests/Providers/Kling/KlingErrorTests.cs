using System.Net;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>Every Kling business code, injected by the emulator, maps to its exception kind with the vendor's details carried.</summary>
public sealed class KlingErrorTests
{
    public static TheoryData<int, Type, bool> ReadCodes => new()
    {
        { 1000, typeof(MotionControlAuthenticationException), false },
        { 1001, typeof(MotionControlAuthenticationException), false },
        { 1002, typeof(MotionControlAuthenticationException), false },
        { 1003, typeof(MotionControlAuthenticationException), true },
        { 1004, typeof(MotionControlAuthenticationException), true },
        { 1100, typeof(MotionControlInsufficientCreditsException), false },
        { 1101, typeof(MotionControlInsufficientCreditsException), false },
        { 1102, typeof(MotionControlInsufficientCreditsException), false },
        { 1103, typeof(MotionControlAuthenticationException), false },
        { 1200, typeof(MotionControlRequestRejectedException), false },
        { 1201, typeof(MotionControlTaskNotFoundException), false },
        { 1202, typeof(MotionControlRequestRejectedException), false },
        { 1203, typeof(MotionControlRequestRejectedException), false },
        { 1300, typeof(MotionControlRequestRejectedException), false },
        { 1301, typeof(MotionControlContentPolicyException), false },
        { 1302, typeof(MotionControlRateLimitedException), true },
        { 1303, typeof(MotionControlRateLimitedException), true },
        { 1304, typeof(MotionControlAuthenticationException), false },
        { 5000, typeof(MotionControlServerException), true },
        { 5001, typeof(MotionControlServerException), true },
        { 5002, typeof(MotionControlServerException), true },
    };

    private static async Task<(VendorTestBed Bed, string TaskId)> StartWithTaskAsync(int maxRetryAttempts = 0)
    {
        var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, o => o.MaxRetryAttempts = maxRetryAttempts);
        var task = await bed.Client.SubmitAsync(bed.Request());
        return (bed, task.Id);
    }

    private static void AssertCarried(MotionControlException error, int code, string message, HttpStatusCode status)
    {
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.VendorCode);
        Assert.Equal(message, error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _), $"request_id should be the emulator's, was '{error.RequestId}'");
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(EmulatorProviders.Kling, error.ProviderName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("code " + error.VendorCode, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadCodes))]
    public async Task A_kling_code_on_a_read_maps_to_its_exception_kind_with_code_message_and_request_id(int code, Type expected, bool transient)
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        var message = $"vendor says {code}";
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(code, message));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.IsType(expected, error);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(taskId, error.TaskId);
        AssertCarried(error, code, message, (HttpStatusCode)KlingStatusFor(code));
    }

    [Theory]
    [InlineData(1102)]
    [InlineData(1100)]
    [InlineData(1304)]
    public async Task An_http_429_that_is_not_a_rate_limit_is_not_reported_as_one(int code)
    {
        var (bed, taskId) = await StartWithTaskAsync(maxRetryAttempts: 3);
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(code));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.IsNotType<MotionControlRateLimitedException>(error);
        Assert.False(error.IsTransient);
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
    }

    [Fact]
    public async Task Insufficient_credits_on_a_create_is_reported_as_such_and_creates_nothing()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());

        var error = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => bed.Client.SubmitAsync(bed.Request()));

        Assert.Equal("1102", error.VendorCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.NotNull(error.VendorMessage);
        Assert.NotNull(error.RequestId);
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Create));
    }

    [Fact]
    public async Task Code_1201_on_a_create_is_a_rejected_request_not_a_missing_task()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.KlingError(1201, "Invalid parameter: image_url"));

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => bed.Client.SubmitAsync(bed.Request()));

        Assert.Equal("1201", error.VendorCode);
        Assert.Equal("Invalid parameter: image_url", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _));
    }

    [Fact]
    public async Task A_body_kling_rejects_is_reported_with_klings_own_reason()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        var api = ((KlingClient)bed.Client).Api;

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => api.CreateMotionControlTaskAsync(new KlingMotionControlRequest
        {
            ImageUrl = "https://example.com/character.png",
            VideoUrl = "https://example.com/dance.mp4",
            CharacterOrientation = "sideways",
            Mode = "std",
        }));

        Assert.Equal("1201", error.VendorCode);
        Assert.Contains("character_orientation", error.VendorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_carries_the_retry_after_the_vendor_asked_for()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RateLimited(TimeSpan.FromSeconds(7), 1302));

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("1302", error.VendorCode);
    }

    [Fact]
    public async Task A_1303_without_retry_after_asks_for_at_least_one_second()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(1303));

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task A_rate_limited_read_waits_the_retry_after_then_succeeds()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await VendorTestBed.StartAsync(
            EmulatorProviders.Kling,
            o => o.RetryMaxDelay = TimeSpan.FromMinutes(1),
            clock: clock);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RateLimited(TimeSpan.FromSeconds(30), 1303));

        var task = await FakeClock.RunAsync(clock, bed.Client.GetTaskAsync(submitted.Id), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(2));

        Assert.Equal(submitted.Id, task.Id);
        var gets = bed.Calls(EmulatorOperation.Get);
        Assert.Equal(2, gets.Count);
        Assert.InRange(gets[1].Timestamp - gets[0].Timestamp, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_retried_until_it_succeeds()
    {
        var (bed, taskId) = await StartWithTaskAsync(maxRetryAttempts: 3);
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(5001), FaultSchedule.NextCalls(2));

        var task = await bed.Client.GetTaskAsync(taskId);

        Assert.Equal(taskId, task.Id);
        Assert.Equal(3, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
    }

    [Fact]
    public async Task A_non_json_error_page_falls_back_to_the_http_status()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.ServerError(502));

        var error = await Assert.ThrowsAsync<MotionControlServerException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Null(error.VendorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains("502 Bad Gateway", error.VendorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "{\"error\":\"forbidden\"}", typeof(MotionControlAuthenticationException))]
    [InlineData(404, "{}", typeof(MotionControlTaskNotFoundException))]
    [InlineData(400, "", typeof(MotionControlRequestRejectedException))]
    public async Task An_error_without_klings_envelope_falls_back_to_the_http_status(int status, string body, Type expected)
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(status, body));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.IsType(expected, error);
        Assert.Null(error.VendorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task A_non_zero_code_in_an_http_200_reply_is_an_error()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(200, "{\"code\":1102,\"message\":\"balance not enough\",\"request_id\":\"req-200-1102\"}"));

        var error = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Equal("1102", error.VendorCode);
        Assert.Equal("req-200-1102", error.RequestId);
        Assert.Equal("balance not enough", error.VendorMessage);
    }

    [Fact]
    public async Task A_success_without_a_code_is_a_protocol_error()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(200, "{\"data\":{\"task_id\":\"1\"}}"));

        await Assert.ThrowsAsync<MotionControlProtocolException>(() => bed.Client.GetTaskAsync(taskId));
    }

    [Fact]
    public async Task A_garbled_read_reply_is_retried()
    {
        var (bed, taskId) = await StartWithTaskAsync(maxRetryAttempts: 2);
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.MalformedJson());

        var task = await bed.Client.GetTaskAsync(taskId);

        Assert.Equal(taskId, task.Id);
        Assert.Equal(2, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
    }

    [Fact]
    public async Task A_server_error_on_a_create_is_looked_up_and_sent_again_only_because_kling_has_no_such_task()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.ServerError(500));

        var task = await bed.Client.SubmitAsync(bed.Request(r => r with { ExternalTaskId = "after-5000" }));

        Assert.Equal("after-5000", task.ExternalTaskId);
        Assert.Equal(1, bed.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.Equal(2, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Create));
        Assert.Equal("/v1/videos/motion-control/after-5000", Assert.Single(bed.Calls(EmulatorOperation.Get)).Path);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_authentication_error_that_is_not_retried()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.KlingBaseAddress,
            AccessKey = emulator.Credentials.KlingAccessKey,
            SecretKey = "not-the-secret-key",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling)));

        Assert.Equal("1000", error.VendorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Create));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    private static int KlingStatusFor(int code) => code switch
    {
        >= 1000 and <= 1004 => 401,
        >= 1100 and <= 1102 => 429,
        1103 => 403,
        1200 or 1201 or 1300 or 1301 => 400,
        1202 or 1203 => 404,
        >= 1302 and <= 1304 => 429,
        5000 => 500,
        5001 => 503,
        5002 => 504,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
