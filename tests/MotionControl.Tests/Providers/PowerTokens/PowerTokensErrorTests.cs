using System.Net;
using MotionControl.Providers.PowerTokens;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.PowerTokens;

/// <summary>PowerTokens' own error shapes (new-api style) and Kling's codes passed through the gateway.</summary>
public sealed class PowerTokensErrorTests
{
    private static async Task<(VendorTestBed Bed, string TaskId)> StartWithTaskAsync()
    {
        var bed = await VendorTestBed.StartAsync(EmulatorProviders.PowerTokens, o => o.MaxRetryAttempts = 0);
        var task = await bed.Client.SubmitAsync(bed.Request());
        return (bed, task.Id);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_with_the_request_id_split_from_the_message()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new PowerTokensClient(new PowerTokensOptions { BaseAddress = emulator.PowerTokensBaseAddress, ApiKey = "pt-wrong-key" });

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.PowerTokens)));

        Assert.Equal("invalid_token", error.VendorCode);
        Assert.Equal("Invalid token", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _), error.RequestId);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("pt-wrong-key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateways_402_quota_error_is_insufficient_credits()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.InsufficientCredits());

        var error = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.Equal("insufficient_user_quota", error.VendorCode);
        Assert.Equal("Insufficient user quota (balance)", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _));
        Assert.Equal(HttpStatusCode.PaymentRequired, error.StatusCode);
    }

    [Fact]
    public async Task Insufficient_credits_on_a_create_creates_nothing()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.PowerTokens);
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());

        await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => bed.Client.SubmitAsync(bed.Request()));

        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.PowerTokens));
    }

    [Fact]
    public async Task The_gateways_rate_limit_is_transient_and_carries_retry_after()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.RateLimited(TimeSpan.FromSeconds(4)));

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(4), error.RetryAfter);
        Assert.Equal("rate_limit_exceeded", error.VendorCode);
        Assert.Equal("Rate limit exceeded, please try again later", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task The_gateways_server_error_is_transient(int status)
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.ServerError(status));

        var error = await Assert.ThrowsAsync<MotionControlServerException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.True(error.IsTransient);
        Assert.Equal("upstream_error", error.VendorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.True(Guid.TryParse(error.RequestId, out _));
    }

    public static TheoryData<int, Type, bool> KlingCodes => new()
    {
        { 1000, typeof(MotionControlAuthenticationException), false },
        { 1004, typeof(MotionControlAuthenticationException), true },
        { 1102, typeof(MotionControlInsufficientCreditsException), false },
        { 1103, typeof(MotionControlAuthenticationException), false },
        { 1200, typeof(MotionControlRequestRejectedException), false },
        { 1201, typeof(MotionControlTaskNotFoundException), false },
        { 1301, typeof(MotionControlContentPolicyException), false },
        { 1302, typeof(MotionControlRateLimitedException), true },
        { 1303, typeof(MotionControlRateLimitedException), true },
        { 1304, typeof(MotionControlAuthenticationException), false },
        { 5000, typeof(MotionControlServerException), true },
    };

    [Theory]
    [MemberData(nameof(KlingCodes))]
    public async Task A_kling_code_passed_through_the_gateway_maps_as_klings(int code, Type expected, bool transient)
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.KlingError(code, $"upstream says {code}"));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.IsType(expected, error);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.VendorCode);
        Assert.Equal($"upstream says {code}", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _));
        Assert.Equal(EmulatorProviders.PowerTokens, error.ProviderName);
    }

    [Fact]
    public async Task A_body_kling_rejects_is_reported_with_its_reason()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.PowerTokens);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => bed.Client.SubmitAsync(bed.Request(r => r with { Model = "kling-v2-6" })));

        Assert.Equal("1201", error.VendorCode);
        Assert.Contains("model_name", error.VendorMessage, StringComparison.Ordinal);
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.PowerTokens));
    }

    [Theory]
    [InlineData(400, "{\"error\":\"image_url is not reachable (request id: 2026112112000001)\"}", typeof(MotionControlRequestRejectedException), null, "image_url is not reachable", "2026112112000001")]
    [InlineData(403, "{\"message\":\"this key may not use kling\"}", typeof(MotionControlAuthenticationException), null, "this key may not use kling", null)]
    [InlineData(400, "{\"msg\":\"余额不足 (request id: abc-123)\"}", typeof(MotionControlInsufficientCreditsException), null, "余额不足", "abc-123")]
    [InlineData(403, "{\"error\":{\"message\":\"user quota is not enough\",\"type\":\"new_api_error\",\"code\":\"insufficient_user_quota\"}}", typeof(MotionControlInsufficientCreditsException), "insufficient_user_quota", "user quota is not enough", null)]
    [InlineData(429, "{\"error\":{\"message\":\"resource pack exhausted\",\"code\":1102}}", typeof(MotionControlInsufficientCreditsException), "1102", "resource pack exhausted", null)]
    [InlineData(400, "{\"error\":{\"message\":\"bad input\",\"code\":\"invalid_request\"},\"request_id\":\"rid-9\"}", typeof(MotionControlRequestRejectedException), "invalid_request", "bad input", "rid-9")]
    [InlineData(502, "<html><body>502 Bad Gateway</body></html>", typeof(MotionControlServerException), null, "<html><body>502 Bad Gateway</body></html>", null)]
    public async Task Every_gateway_error_shape_is_read(int status, string body, Type expected, string? code, string message, string? requestId)
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.RawResponse(status, body, body.StartsWith('<') ? "text/html" : "application/json"));

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.VendorCode);
        Assert.Equal(message, error.VendorMessage);
        Assert.Equal(requestId, error.RequestId);
    }

    [Fact]
    public void The_default_host_is_api_powertokens_ai_and_nothing_prints_the_key()
    {
        var options = new PowerTokensOptions { ApiKey = "pt-secret-0123456789" };
        using var client = new PowerTokensClient(options);

        Assert.Equal(new Uri("https://api.powertokens.ai"), options.BaseAddress);
        Assert.Equal(PowerTokensOptions.ProductionBaseAddress, options.BaseAddress);
        Assert.DoesNotContain("pt-secret-0123456789", options.ToString(), StringComparison.Ordinal);
        Assert.Equal("PowerTokensClient(https://api.powertokens.ai/)", client.ToString());
    }

    [Fact]
    public async Task A_gateway_message_echoing_the_key_is_redacted()
    {
        var (bed, taskId) = await StartWithTaskAsync();
        await using var owned = bed;
        var key = bed.Emulator.Credentials.PowerTokensApiKey;
        bed.Emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.RawResponse(401, $"{{\"error\":{{\"message\":\"token {key} is disabled\",\"code\":\"token_disabled\"}}}}"));

        var error = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => bed.Client.GetTaskAsync(taskId));

        Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.VendorMessage, StringComparison.Ordinal);
        Assert.All(bed.Logs.Lines(), line => Assert.DoesNotContain(key, line, StringComparison.Ordinal));
    }
}
