using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class FalEmulatorTests
{
    private const string V26Standard = "/fal-ai/kling-video/v2.6/standard/motion-control";
    private const string V3Pro = "/fal-ai/kling-video/v3/pro/motion-control";
    private const string Requests = "/fal-ai/kling-video/requests/";

    private static JsonObject Body() => new()
    {
        ["image_url"] = "https://example.com/character.png",
        ["video_url"] = "https://example.com/dance.mp4",
        ["character_orientation"] = "video",
    };

    private static HttpClient Client(MotionControlEmulator emulator, string? key = null)
    {
        var http = EmulatorHttp.Client(emulator);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", key ?? emulator.Credentials.FalApiKey);
        return http;
    }

    [Fact]
    public async Task A_request_is_queued_runs_and_completes_with_its_video_under_the_app_id()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(1).Processing(1).Succeeds());
        using var http = Client(emulator);

        var created = await http.PostAsync(V3Pro, Body());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        string id = created.Json.Str("request_id");
        Assert.Equal("IN_QUEUE", created.Json.Str("status"));
        Assert.Equal(0, created.Json.GetProperty("queue_position").GetInt32());
        Assert.Equal(new Uri(emulator.BaseAddress, Requests + id + "/status").AbsoluteUri, created.Json.Str("status_url"));
        Assert.Equal(new Uri(emulator.BaseAddress, Requests + id).AbsoluteUri, created.Json.Str("response_url"));
        Assert.Equal(new Uri(emulator.BaseAddress, Requests + id + "/cancel").AbsoluteUri, created.Json.Str("cancel_url"));

        var statuses = new List<JsonElement>();
        for (int i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            statuses.Add((await http.GetReplyAsync(Requests + id + "/status?logs=1")).Json);
        }

        Assert.Equal(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"], statuses.Select(s => s.Str("status")));
        Assert.Equal("INFO", statuses[2].GetProperty("logs")[0].Str("level"));
        Assert.True(statuses[2].At("metrics").GetProperty("inference_time").GetDouble() >= 0);
        var result = await http.GetReplyAsync(Requests + id);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var video = result.Json.At("video");
        Assert.Equal("video/mp4", video.Str("content_type"));
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, video.GetProperty("file_size").GetInt32());
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await http.GetByteArrayAsync(new Uri(video.Str("url"))));
    }

    [Fact]
    public async Task The_queue_position_counts_the_accounts_requests_waiting_ahead()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        for (int i = 0; i < 3; i++)
        {
            emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Queued(TimeSpan.FromMinutes(5)).Succeeds());
        }

        using var http = Client(emulator);
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add((await http.PostAsync(V26Standard, Body())).Json.Str("request_id"));
        }

        Assert.Equal(2, (await http.GetReplyAsync(Requests + ids[2] + "/status")).Json.GetProperty("queue_position").GetInt32());
        var cancel = await http.SendAsync(HttpMethod.Put, Requests + ids[0] + "/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);
        Assert.Equal("CANCELLATION_REQUESTED", cancel.Json.Str("status"));
        Assert.Equal(1, (await http.GetReplyAsync(Requests + ids[2] + "/status")).Json.GetProperty("queue_position").GetInt32());
        var canceledResult = await http.GetReplyAsync(Requests + ids[0]);
        Assert.Equal(HttpStatusCode.BadRequest, canceledResult.Status);
        Assert.Equal("Request was cancelled", canceledResult.Json.Str("detail"));
    }

    [Fact]
    public async Task A_started_request_cannot_be_cancelled()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().ProcessingForever());
        using var http = Client(emulator);
        string id = (await http.PostAsync(V26Standard, Body())).Json.Str("request_id");

        var refused = await http.SendAsync(HttpMethod.Put, Requests + id + "/cancel", null);
        var unknown = await http.SendAsync(HttpMethod.Put, Requests + "00000000-0000-0000-0000-000000000000/cancel", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("ALREADY_COMPLETED", refused.Json.Str("status"));
        Assert.Equal(EmulatedTaskStatus.Processing, emulator.FindTask(EmulatorProviders.Fal, id)!.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Theory]
    [InlineData(null, "Missing authorization header")]
    [InlineData("Bearer", "expected 'Key <FAL_KEY>'")]
    [InlineData("Key", "No user found")]
    public async Task Only_the_key_scheme_with_a_known_key_is_accepted(string? scheme, string detail)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        if (scheme is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, scheme == "Bearer" ? emulator.Credentials.FalApiKey : "unknown:key");
        }

        var reply = await http.PostAsync(V26Standard, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Contains(detail, reply.Json.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Fal));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"video_url":"https://example.com/dance.mp4","character_orientation":"video"}""", "image_url", "value_error.missing" },
        { """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4"}""", "character_orientation", "value_error.missing" },
        { """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"sideways"}""", "character_orientation", "type_error.enum" },
        { """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video","keep_original_sound":"yes"}""", "keep_original_sound", "type_error.bool" },
        { """{"image_url":"not a url","video_url":"https://example.com/dance.mp4","character_orientation":"video"}""", "image_url", "value_error.url" },
        { """{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video","prompt":5}""", "prompt", "type_error.str" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_fal_would_refuse_answers_422_naming_the_field(string body, string field, string type)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = Client(emulator);

        var reply = await http.SendAsync(HttpMethod.Post, V26Standard, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        var detail = reply.Json.GetProperty("detail")[0];
        Assert.Equal(field, detail.GetProperty("loc")[1].GetString());
        Assert.Equal(type, detail.Str("type"));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Fal));
    }

    [Fact]
    public async Task Elements_on_v3_are_checked_and_unknown_fields_are_ignored()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = Client(emulator);
        var element = new JsonObject { ["frontal_image_url"] = "https://example.com/face.png", ["reference_image_urls"] = new JsonArray("https://example.com/a.png") };

        var ok = await http.PostAsync(V3Pro, Body().Also(b => { b["elements"] = new JsonArray(element.DeepClone()); b["seed"] = 42; }));
        var two = await http.PostAsync(V3Pro, Body().Also(b => b["elements"] = new JsonArray(element.DeepClone(), element.DeepClone())));
        var imageOrientation = await http.PostAsync(V3Pro, Body().Also(b => { b["character_orientation"] = "image"; b["elements"] = new JsonArray(element.DeepClone()); }));
        var fourReferences = await http.PostAsync(V3Pro, Body().Also(b => b["elements"] = new JsonArray(new JsonObject { ["reference_image_urls"] = new JsonArray("https://e.com/1.png", "https://e.com/2.png", "https://e.com/3.png", "https://e.com/4.png") })));
        var unknownModel = await http.PostAsync("/fal-ai/kling-video/v9/standard/motion-control", Body());

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, two.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imageOrientation.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourReferences.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownModel.Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Fal));
    }

    [Fact]
    public async Task A_failed_request_completes_and_its_result_answers_422_with_the_reason()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Fails("No person detected"));
        using var http = Client(emulator);
        string id = (await http.PostAsync(V26Standard, Body())).Json.Str("request_id");

        var status = await http.GetReplyAsync(Requests + id + "/status");
        var result = await http.GetReplyAsync(Requests + id);

        Assert.Equal("COMPLETED", status.Json.Str("status"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("No person detected", result.Json.GetProperty("detail")[0].Str("msg"));
    }

    [Fact]
    public async Task The_billing_shows_credits_only_when_expanded_and_drops_per_succeeded_request()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Succeeds());
        using var http = Client(emulator);

        var plain = await http.GetReplyAsync("/v1/account/billing");
        var before = await http.GetReplyAsync("/v1/account/billing?expand=credits");
        await http.PostAsync(V26Standard, Body());
        var after = await http.GetReplyAsync("/v1/account/billing?expand=credits");

        Assert.False(plain.Json.TryGetProperty("credits", out _));
        Assert.Equal("default", plain.Json.Str("username"));
        Assert.Equal(50m, before.Json.At("credits").GetProperty("current_balance").GetDecimal());
        Assert.Equal("USD", before.Json.At("credits").Str("currency"));
        Assert.Equal(49.65m, after.Json.At("credits").GetProperty("current_balance").GetDecimal());
    }

    [Fact]
    public async Task An_upload_is_initiated_with_the_key_put_without_it_and_served_back()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = Client(emulator);
        using var anonymous = EmulatorHttp.Client(emulator);
        byte[] bytes = [1, 2, 3, 4, 5];

        var target = await http.PostAsync("/storage/upload/initiate?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = "video/mp4", ["file_name"] = "dance.mp4" });
        var uploadUrl = new Uri(target.Json.Str("upload_url"));
        using var withKey = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(bytes) };
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Key", emulator.Credentials.FalApiKey);
        using var refused = await anonymous.SendAsync(withKey);
        using var put = await anonymous.PutAsync(uploadUrl, new ByteArrayContent(bytes));
        using var again = await anonymous.PutAsync(uploadUrl, new ByteArrayContent(bytes));
        var served = await anonymous.GetByteArrayAsync(new Uri(target.Json.Str("file_url")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(bytes, served);
        Assert.EndsWith("/dance.mp4", target.Json.Str("file_url"), StringComparison.Ordinal);
        var unauthenticated = await anonymous.PostAsync("/storage/upload/initiate", new JsonObject { ["content_type"] = "video/mp4", ["file_name"] = "x.mp4" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
    }

    [Fact]
    public async Task A_multipart_upload_takes_numbered_parts_and_a_completion_naming_each_etag()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = Client(emulator);
        using var anonymous = EmulatorHttp.Client(emulator);

        var target = await http.PostAsync("/storage/upload/initiate-multipart?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = "video/mp4", ["file_name"] = "long.mp4" });
        var upload = new Uri(target.Json.Str("upload_url"));
        var root = upload.GetLeftPart(UriPartial.Path);
        using var first = await anonymous.PutAsync(new Uri(root + "/1" + upload.Query), new ByteArrayContent([1, 2]));
        using var second = await anonymous.PutAsync(new Uri(root + "/2" + upload.Query), new ByteArrayContent([3]));
        var etag1 = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.Str("etag");
        var etag2 = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.Str("etag");
        var wrong = await anonymous.SendAsync(HttpMethod.Post, root + "/complete" + upload.Query, $$"""{"parts":[{"partNumber":1,"etag":"{{etag1.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}]}""");
        var done = await anonymous.SendAsync(HttpMethod.Post, root + "/complete" + upload.Query, new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["partNumber"] = 1, ["etag"] = etag1 }, new JsonObject { ["partNumber"] = 2, ["etag"] = etag2 }) }.ToJsonString());
        var served = await anonymous.GetByteArrayAsync(new Uri(target.Json.Str("file_url")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(new byte[] { 1, 2, 3 }, served);
    }

    [Fact]
    public async Task Requests_are_scoped_to_the_account_whose_key_created_them()
    {
        var eu = new EmulatorAccount("eu") { FalApiKey = "fal-eu-key-id:fal-eu-secret" };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [eu] } });
        using var mine = Client(emulator, eu.FalApiKey);
        using var theirs = Client(emulator);
        string id = (await mine.PostAsync(V26Standard, Body())).Json.Str("request_id");

        var own = await mine.GetReplyAsync(Requests + id + "/status");
        var other = await theirs.GetReplyAsync(Requests + id + "/status");
        var cancel = await theirs.SendAsync(HttpMethod.Put, Requests + id + "/cancel", null);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        Assert.Equal("eu", emulator.FindTask(EmulatorProviders.Fal, id)!.Account);
        Assert.Contains(emulator.Requests, r => r.Provider == EmulatorProviders.Fal && r.Account == "eu");
    }

    [Fact]
    public async Task Faults_speak_fals_detail_dialect()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Fal, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());
        emulator.AddFault(EmulatorProviders.Fal, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(2)), FaultSchedule.OnCall(2));
        using var http = Client(emulator);

        var locked = await http.PostAsync(V26Standard, Body());
        var limited = await http.PostAsync(V26Standard, Body());

        Assert.Equal(HttpStatusCode.Forbidden, locked.Status);
        Assert.Contains("Exhausted balance", locked.Json.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("2", limited.Header("Retry-After"));
        Assert.Equal(JsonValueKind.String, limited.Json.GetProperty("detail").ValueKind);
    }
}

internal static class JsonObjectEditing
{
    public static JsonObject Also(this JsonObject body, Action<JsonObject> edit)
    {
        edit(body);
        return body;
    }
}
