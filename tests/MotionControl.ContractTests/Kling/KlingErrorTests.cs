using System.Net;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Kling's error code table (https://app.klingai.com/global/dev/document-api/apiReference/commonInfo, "Error Code";
/// also https://kling.ai/document-api/api/get-started/error-codes) and status words
/// (https://app.klingai.com/global/dev/document-api/apiReference/model/motionControl, <c>task_status</c>).
/// Each row's HTTP status is the table's; the body has the shape of the 1303 example and the table's explanation.
/// </summary>
public sealed class KlingErrorTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    [Theory]
    [InlineData(1000, 401, "Authentication failed", typeof(MotionControlAuthenticationException), false)]
    [InlineData(1001, 401, "Authorization is empty", typeof(MotionControlAuthenticationException), false)]
    [InlineData(1002, 401, "Authorization is invalid", typeof(MotionControlAuthenticationException), false)]
    [InlineData(1003, 401, "Authorization is not yet valid", typeof(MotionControlAuthenticationException), true)]
    [InlineData(1004, 401, "Authorization has expired", typeof(MotionControlAuthenticationException), true)]
    [InlineData(1100, 429, "Account exception", typeof(MotionControlInsufficientCreditsException), false)]
    [InlineData(1101, 429, "Account in arrears (postpaid scenario)", typeof(MotionControlInsufficientCreditsException), false)]
    [InlineData(1102, 429, "Resource pack depleted or expired (prepaid scenario)", typeof(MotionControlInsufficientCreditsException), false)]
    [InlineData(1103, 403, "Unauthorized access to requested resource, such as API/model", typeof(MotionControlAuthenticationException), false)]
    [InlineData(1200, 400, "Invalid request parameters", typeof(MotionControlRequestRejectedException), false)]
    [InlineData(1201, 400, "Invalid parameters, such as incorrect key or illegal value", typeof(MotionControlTaskNotFoundException), false)]
    [InlineData(1202, 404, "The requested method is invalid", typeof(MotionControlRequestRejectedException), false)]
    [InlineData(1203, 404, "The requested resource does not exist, such as the model", typeof(MotionControlRequestRejectedException), false)]
    [InlineData(1300, 400, "Trigger strategy of the platform", typeof(MotionControlRequestRejectedException), false)]
    [InlineData(1301, 400, "Trigger the content security policy of the platform", typeof(MotionControlContentPolicyException), false)]
    [InlineData(1302, 429, "The API request is too fast, exceeding the platform's rate limit", typeof(MotionControlRateLimitedException), true)]
    [InlineData(1303, 429, "parallel task over resource pack limit", typeof(MotionControlRateLimitedException), true)]
    [InlineData(1304, 429, "Trigger the platform's IP whitelisting policy", typeof(MotionControlAuthenticationException), false)]
    [InlineData(5000, 500, "Server internal error", typeof(MotionControlServerException), true)]
    [InlineData(5001, 503, "Server temporarily unavailable, usually due to maintenance", typeof(MotionControlServerException), true)]
    [InlineData(5002, 504, "Server internal timeout, usually due to a backlog", typeof(MotionControlServerException), true)]
    public async Task Query_error_code_maps_to_its_exception(int code, int httpStatus, string explanation, Type expected, bool transient)
    {
        // On a query, 1201 ("invalid parameters") is how Kling says the id is unknown: the SDK's TaskNotFound.
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"))).RespondWith(Json(httpStatus, KlingDocs.Error(code, explanation)));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.Api.GetMotionControlTaskAsync(KlingDocs.TaskId));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.VendorCode);
        Assert.Equal((HttpStatusCode)httpStatus, error.StatusCode);
        Assert.Equal(explanation, error.VendorMessage);
        Assert.Equal("9984d27b-a408-4073-ae28-17ca6a13622d", error.RequestId);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(MotionControlProviders.Kling, error.ProviderName);
    }

    /// <summary>A create refused with a code: the same mapping, 1201 is a rejected request there, and nothing is re-sent.</summary>
    [Theory]
    [InlineData(1102, 429, "Resource pack depleted or expired (prepaid scenario)", typeof(MotionControlInsufficientCreditsException))]
    [InlineData(1201, 400, "Invalid parameters, such as incorrect key or illegal value", typeof(MotionControlRequestRejectedException))]
    [InlineData(1301, 400, "Trigger the content security policy of the platform", typeof(MotionControlContentPolicyException))]
    [InlineData(1303, 429, "parallel task over resource pack limit", typeof(MotionControlRateLimitedException))]
    public async Task Create_error_code_maps_to_its_exception_and_is_not_resent(int code, int httpStatus, string explanation, Type expected)
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(httpStatus, KlingDocs.Error(code, explanation)));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest()));

        AssertAllRequestsMatched();
        Assert.IsType(expected, error);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.VendorCode);
        Assert.Single(Requests);
    }

    /// <summary>
    /// 5000–5002 on a create leave its outcome unknown: the SDK looks the task up by its <c>external_task_id</c> in the
    /// documented query path ("Choose either task_id or external_task_id") instead of creating it twice.
    /// </summary>
    [Theory]
    [InlineData(5000, 500, "Server internal error")]
    [InlineData(5001, 503, "Server temporarily unavailable, usually due to maintenance")]
    [InlineData(5002, 504, "Server internal timeout, usually due to a backlog")]
    public async Task Create_server_error_code_is_recovered_by_external_task_id(int code, int httpStatus, string explanation)
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(httpStatus, KlingDocs.Error(code, explanation)));
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.ExternalTaskId}"))).RespondWith(Json(200, KlingDocs.Task("submitted")));
        using var client = Clients.Kling(BaseAddress);

        var task = await client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest());

        AssertAllRequestsMatched();
        Assert.Equal(KlingDocs.TaskId, task.Id);
        Assert.Equal(["POST", "GET"], Requests.Select(r => r.RequestMessage!.Method));
    }

    /// <summary>The typed API does no recovery: a 5000 on its create is an unknown outcome carrying Kling's code.</summary>
    [Fact]
    public async Task Typed_create_server_error_is_an_unknown_outcome_with_the_code()
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(500, KlingDocs.Error(5000, "Server internal error")));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.Api.CreateMotionControlTaskAsync(new KlingMotionControlRequest
        {
            ModelName = "kling-v2-6",
            ImageUrl = KlingDocs.ImageUrl,
            Prompt = KlingDocs.Prompt,
            VideoUrl = KlingDocs.VideoUrl,
            KeepOriginalSound = "yes",
            CharacterOrientation = "image",
            Mode = "pro",
            CallbackUrl = string.Empty,
            ExternalTaskId = KlingDocs.ExternalTaskId,
        }));

        AssertAllRequestsMatched();
        Assert.Equal("5000", error.VendorCode);
        Assert.IsType<MotionControlServerException>(error.InnerException);
        Assert.Single(Requests);
    }

    /// <summary>On a query, 1201 is Kling's "not found" (a live probe answered it for a missing task id) [inferred message].</summary>
    [Fact]
    public async Task Get_error_1201_is_task_not_found()
    {
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.ExternalTaskId}"))).RespondWith(Json(400, DocumentedJson.Read("kling", "error-1201.response.json")));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => client.Api.GetMotionControlTaskByExternalIdAsync(KlingDocs.ExternalTaskId));

        AssertAllRequestsMatched();
        Assert.Equal("1201", error.VendorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    /// <summary>
    /// The page's own 1303 example, byte for byte, carries a <c>//uuid</c> comment after the request id. Served as
    /// documented, the SDK must still see a rate limit (HTTP 429) and stay retryable.
    /// </summary>
    [Fact]
    public async Task Documented_1303_example_with_its_comment_is_still_a_rate_limit()
    {
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(429, DocumentedJson.Read("kling", "error-1303.response.jsonc")));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest()));

        AssertAllRequestsMatched();
        Assert.True(error.IsTransient);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    /// <summary>The same example with its comment stripped: code 1303, and Kling's advice "initial delay ≥ 1 second".</summary>
    [Fact]
    public async Task Documented_1303_example_without_its_comment_keeps_code_request_id_and_first_delay()
    {
        var body = DocumentedJson.StripComments(DocumentedJson.Read("kling", "error-1303.response.jsonc"));
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest))).RespondWith(Json(429, body));
        using var client = Clients.Kling(BaseAddress);

        var error = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest()));

        AssertAllRequestsMatched();
        Assert.Equal("1303", error.VendorCode);
        Assert.Equal("parallel task over resource pack limit", error.VendorMessage);
        Assert.Equal("9984d27b-a408-4073-ae28-17ca6a13622d", error.RequestId);
        Assert.True(error.RetryAfter >= TimeSpan.FromSeconds(1));
    }

    /// <summary>Every <c>task_status</c> word of the page maps to a neutral status (in the documented reply, placeholders filled).</summary>
    [Theory]
    [InlineData("submitted", MotionControlTaskStatus.Queued)]
    [InlineData("processing", MotionControlTaskStatus.Processing)]
    [InlineData("succeed", MotionControlTaskStatus.Succeeded)]
    [InlineData("failed", MotionControlTaskStatus.Failed)]
    public async Task Status_word_maps_to_the_neutral_status(string word, MotionControlTaskStatus expected)
    {
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"))).RespondWith(Json(200, KlingDocs.Task(word)));
        using var client = Clients.Kling(BaseAddress);

        var task = await client.GetTaskAsync(KlingDocs.TaskId);

        AssertAllRequestsMatched();
        Assert.Equal(expected, task.Status);
        Assert.Equal(word, task.VendorStatus);
        Assert.Equal(KlingDocs.ExternalTaskId, task.ExternalTaskId);
        Assert.Equal(word == "succeed" ? 1 : 0, task.Videos.Count);
    }

    /// <summary>A task that fails after acceptance: HTTP 200, <c>task_status</c> failed, the reason in <c>task_status_msg</c>.</summary>
    [Fact]
    public async Task Failed_task_carries_task_status_msg_as_its_reason()
    {
        const string reason = "Failure to pass the risk control system";
        Server.Given(BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"))).RespondWith(Json(200, KlingDocs.Task("failed", reason)));
        using var client = Clients.Kling(BaseAddress);

        var task = await client.GetTaskAsync(KlingDocs.TaskId);

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Failed, task.Status);
        Assert.Equal(reason, task.FailureReason);
    }
}
