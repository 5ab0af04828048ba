using System.Net;
using System.Text.Json;

namespace MotionControl.Testing.Tests.Emulator;

public class FaultInjectionTests
{
    private const string KlingPath = "/v1/videos/motion-control";

    private static HttpClient Kling(MotionControlEmulator emulator) => EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

    private static bool IsJson(string text)
    {
        try
        {
            JsonDocument.Parse(text).Dispose();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Rate_limit_on_kling_is_429_with_retry_after_and_code_1302_or_1303()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(2)));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromMilliseconds(1500), klingCode: 1303), FaultSchedule.OnCall(2));
        using var http = Kling(emulator);

        var first = await http.PostAsync(KlingPath, VendorBodies.Kling());
        var second = await http.PostAsync(KlingPath, VendorBodies.Kling());
        var third = await http.PostAsync(KlingPath, VendorBodies.Kling());

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("2", first.Header("Retry-After"));
        Assert.Equal(1302, first.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal("2", second.Header("Retry-After"));
        Assert.Equal(1303, second.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Rate_limit_bodies_follow_each_vendor()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var wait = TimeSpan.FromSeconds(30);
        foreach (var provider in EmulatorProviders.All)
        {
            emulator.AddFault(provider, EmulatorOperation.Create, EmulatorFault.RateLimited(wait));
        }

        using var pt = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        using var ml = EmulatorHttp.Client(emulator);
        using var aiml = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        using var vydra = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var ptReply = await pt.PostAsync("/kling/v1/videos/motion-control", VendorBodies.PowerTokens());
        var mlReply = await ml.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));
        var aimlReply = await aiml.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        var vydraReply = await vydra.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());

        Assert.All([ptReply, mlReply, aimlReply, vydraReply], r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.Status);
            Assert.Equal("30", r.Header("Retry-After"));
        });
        Assert.Equal("rate_limit_exceeded", ptReply.Json.At("error").Str("code"));
        Assert.Equal("error", mlReply.Json.Str("status"));
        Assert.Equal(30, mlReply.Json.GetProperty("retry_after").GetInt32());
        Assert.Equal("429", aimlReply.Json.Str("statusCode"));
        Assert.Equal("RATE_LIMIT_EXCEEDED", vydraReply.Json.Str("code"));
        Assert.Equal(30, vydraReply.Json.GetProperty("retryAfter").GetInt32());
        Assert.Equal("0", vydraReply.Header("X-RateLimit-Remaining"));
        Assert.All(EmulatorProviders.All, p => Assert.Equal(0, emulator.CreatedTaskCount(p)));
    }

    [Theory]
    [InlineData(500, 5000)]
    [InlineData(503, 5001)]
    [InlineData(504, 5002)]
    public async Task Server_errors_on_kling_carry_the_matching_5xxx_code(int status, int code)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.ServerError(status));
        using var http = Kling(emulator);
        string id = (await http.PostAsync(KlingPath, VendorBodies.Kling())).Json.At("data").Str("task_id");

        var failed = await http.GetReplyAsync($"{KlingPath}/{id}");
        var retried = await http.GetReplyAsync($"{KlingPath}/{id}");

        Assert.Equal(status, (int)failed.Status);
        Assert.Equal(code, failed.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(1, emulator.FindTask(EmulatorProviders.Kling, id)!.PollCount);
    }

    [Fact]
    public async Task A_502_is_an_html_page_from_the_load_balancer()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.List, EmulatorFault.ServerError(502));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var reply = await http.GetReplyAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.BadGateway, reply.Status);
        Assert.Equal("text/html", reply.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("502 Bad Gateway", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1102, 429)]
    [InlineData(1301, 400)]
    [InlineData(1103, 403)]
    [InlineData(5001, 503)]
    public async Task Kling_business_errors_use_the_documented_http_status(int code, int status)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.KlingError(code));
        using var http = Kling(emulator);

        var reply = await http.PostAsync(KlingPath, VendorBodies.Kling());

        Assert.Equal(status, (int)reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(reply.Json.Str("message")));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Insufficient_credits_is_worded_per_vendor()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());
        using var kling = Kling(emulator);
        using var vydra = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var klingReply = await kling.PostAsync(KlingPath, VendorBodies.Kling());
        var vydraReply = await vydra.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());

        Assert.Equal(HttpStatusCode.TooManyRequests, klingReply.Status);
        Assert.Equal(1102, klingReply.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.PaymentRequired, vydraReply.Status);
        Assert.Equal("INSUFFICIENT_CREDITS", vydraReply.Json.Str("code"));
    }

    [Fact]
    public async Task Aborted_create_has_still_created_and_recorded_the_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.Abort());
        using var http = Kling(emulator);
        var body = VendorBodies.Kling();
        body["external_task_id"] = "lost-reply-1";

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(KlingPath, body));

        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        var lookedUp = await http.GetReplyAsync($"{KlingPath}/lost-reply-1");
        Assert.Equal(HttpStatusCode.OK, lookedUp.Status);
        var resubmitted = await http.PostAsync(KlingPath, body);
        Assert.Equal(1201, resubmitted.Json.GetProperty("code").GetInt32());
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Abort_before_processing_creates_nothing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.Abort(processRequest: false));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("/v2/video/generations", VendorBodies.AimlApi()));

        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task Aborted_get_counts_as_a_poll_and_the_next_get_answers()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string id = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.Abort());

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetReplyAsync($"/api/v1/jobs/{id}"));
        var next = await http.GetReplyAsync($"/api/v1/jobs/{id}");

        Assert.Equal("running", next.Json.Str("status"));
    }

    [Fact]
    public async Task Delayed_reply_waits_on_the_emulator_clock_then_answers_normally()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.Delay(TimeSpan.FromMinutes(2)));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        var pending = http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        await WaitUntilAsync(() => emulator.Requests.Count == 1);
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));

        clock.Advance(TimeSpan.FromMinutes(2));
        var reply = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_delayed_reply_frees_the_server_and_creates_nothing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.Delay(TimeSpan.FromHours(1)));
        using var http = Kling(emulator);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PostAsync(KlingPath, VendorBodies.Kling(), giveUp.Token));
        var next = await http.PostAsync(KlingPath, VendorBodies.Kling()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Disposing_the_emulator_ends_a_delayed_reply_at_once()
    {
        var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.List, EmulatorFault.Delay(TimeSpan.FromHours(1)));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        var pending = http.GetReplyAsync("/api/v1/jobs");
        await WaitUntilAsync(() => emulator.Requests.Count == 1);

        await emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<Exception>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Malformed_json_keeps_the_status_but_does_not_parse_and_the_task_exists()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.MalformedJson());
        using var http = Kling(emulator);

        var reply = await http.PostAsync(KlingPath, VendorBodies.Kling());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith("{\"code\":0", reply.Text, StringComparison.Ordinal);
        Assert.False(IsJson(reply.Text));
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task Truncated_json_is_a_complete_response_with_half_a_body()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Get, EmulatorFault.TruncatedJson());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        string id = (await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi())).Json.Str("id");

        var truncated = await http.GetReplyAsync($"/v2/video/generations?generation_id={id}");
        var whole = await http.GetReplyAsync($"/v2/video/generations?generation_id={id}");

        Assert.Equal(HttpStatusCode.OK, truncated.Status);
        Assert.False(IsJson(truncated.Text));
        Assert.StartsWith(truncated.Text, whole.Text.Replace("generating", "queued", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_mid_body_cuts_the_reply_after_announcing_its_length()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.List, EmulatorFault.AbortMidBody());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetReplyAsync("/api/v1/jobs"));
    }

    [Fact]
    public async Task Unknown_status_word_replaces_the_vendor_word_without_touching_the_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.UnknownStatus(), FaultSchedule.OnCall(2));
        using var http = Kling(emulator);
        string id = (await http.PostAsync(KlingPath, VendorBodies.Kling())).Json.At("data").Str("task_id");

        var words = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            words.Add((await http.GetReplyAsync($"{KlingPath}/{id}")).Json.At("data").Str("task_status"));
        }

        Assert.Equal(["submitted", "frobnicating", "processing", "succeed"], words);
    }

    [Fact]
    public async Task Every_call_schedule_applies_until_the_faults_are_cleared()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.ServerError(503), FaultSchedule.EveryCall);
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        for (int i = 0; i < 3; i++)
        {
            var reply = await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
            Assert.Equal("SERVICE_UNAVAILABLE", reply.Json.Str("code"));
        }

        emulator.ClearFaults();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Status);
        Assert.Equal(4, emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Create));
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
    }

    [Fact]
    public async Task Next_calls_and_from_call_schedules_pick_the_right_calls()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.ServerError(), FaultSchedule.NextCalls(2));
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.AimlApiError(403, "forbidden"), FaultSchedule.FromCall(4));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        var statuses = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            statuses.Add((int)(await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi())).Status);
        }

        Assert.Equal([500, 500, 200, 403, 403], statuses);
    }

    [Fact]
    public async Task ModelsLab_error_inside_http_200_can_use_the_misspelt_messege_field()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError("Server busy", misspeltMessageField: true));
        emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabError("Bad input", statusCode: 400), FaultSchedule.OnCall(2));
        using var http = EmulatorHttp.Client(emulator);

        var first = await http.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));
        var second = await http.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("error", first.Json.Str("status"));
        Assert.Equal("Server busy", first.Json.Str("messege"));
        Assert.False(first.Json.TryGetProperty("message", out _));
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("Bad input", second.Json.Str("message"));
    }

    [Fact]
    public async Task ModelsLab_id_can_arrive_as_a_string()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabIdAsString());
        emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, EmulatorFault.ModelsLabIdAsString());
        using var http = EmulatorHttp.Client(emulator);

        var created = await http.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));
        string id = created.Json.Str("id");
        var fetched = await http.PostAsync($"/api/v7/video-fusion/fetch/{id}", new System.Text.Json.Nodes.JsonObject { ["key"] = emulator.Credentials.ModelsLabApiKey });

        Assert.Equal(JsonValueKind.String, created.Json.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.String, fetched.Json.GetProperty("id").ValueKind);
        Assert.Equal(id, fetched.Json.Str("id"));
    }

    [Fact]
    public async Task ModelsLab_create_reply_without_id_has_only_status_eta_fetch_result_and_future_links()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.ModelsLab, EmulatorOperation.Create, EmulatorFault.ModelsLabReplyWithoutId());
        using var http = EmulatorHttp.Client(emulator);

        var created = await http.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));

        Assert.Equal(["status", "eta", "fetch_result", "future_links"], created.Json.EnumerateObject().Select(p => p.Name));
        string idFromUrl = new Uri(created.Json.Str("fetch_result")).Segments[^1];
        Assert.NotNull(emulator.FindTask(EmulatorProviders.ModelsLab, idFromUrl));
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Fact]
    public async Task Raw_response_sends_any_shape_for_example_a_msg_error()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Get, EmulatorFault.RawResponse(403, "{\"msg\":\"forbidden model\"}"));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);

        var reply = await http.GetReplyAsync("/kling/v1/videos/motion-control/x");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("forbidden model", reply.Json.Str("msg"));
    }

    [Fact]
    public async Task Faults_on_one_provider_or_operation_leave_the_others_alone()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.PowerTokens, EmulatorOperation.Create, EmulatorFault.ServerError(), FaultSchedule.EveryCall);
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.ServerError(), FaultSchedule.EveryCall);
        using var http = Kling(emulator);

        var created = await http.PostAsync(KlingPath, VendorBodies.Kling());

        Assert.Equal(HttpStatusCode.OK, created.Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
