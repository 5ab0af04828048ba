using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class ReplicateEmulatorTests
{
    private const string CreatePath = "/v1/models/kwaivgi/kling-v2.6-motion-control/predictions";

    private static JsonObject Body(Action<JsonObject>? change = null)
    {
        var input = new JsonObject
        {
            ["image"] = "https://example.com/character.png",
            ["video"] = "https://example.com/dance.mp4",
            ["mode"] = "std",
            ["character_orientation"] = "video",
        };
        change?.Invoke(input);
        return new JsonObject { ["input"] = input };
    }

    private static async Task<Reply> CreateAsync(HttpClient http, JsonNode body, string? cancelAfter = null, string path = CreatePath)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (cancelAfter is not null)
        {
            request.Headers.TryAddWithoutValidation("Cancel-After", cancelAfter);
        }

        var response = await http.SendAsync(request);
        return new Reply(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_answers_201_starting_and_the_prediction_goes_processing_then_succeeded_with_one_output_uri()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Queued(1).Processing(2).Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var created = await CreateAsync(http, Body());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        string id = created.Json.Str("id");
        Assert.Matches("^[a-z2-7]{26}$", id);
        Assert.Equal("starting", created.Json.Str("status"));
        Assert.Equal("kwaivgi/kling-v2.6-motion-control", created.Json.Str("model"));
        Assert.Equal(new Uri(emulator.BaseAddress, $"v1/predictions/{id}").AbsoluteUri, created.Json.At("urls").Str("get"));
        Assert.Equal("video", created.Json.At("input").Str("character_orientation"));

        var polls = new List<JsonElement>();
        for (int i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            polls.Add((await http.GetReplyAsync($"/v1/predictions/{id}")).Json);
        }

        Assert.Equal(["starting", "processing", "processing", "succeeded"], polls.Select(p => p.Str("status")));
        var done = polls[^1];
        Assert.Equal(emulator.BaseAddress.AbsoluteUri + $"files/videos/replicate/{id}/0.mp4", done.Str("output"));
        Assert.True(done.At("metrics").GetProperty("predict_time").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, polls[0].GetProperty("output").ValueKind);
        Assert.False(polls[0].TryGetProperty("completed_at", out _));
        Assert.Equal(DateTimeOffset.Parse(done.Str("completed_at")), clock.GetUtcNow());
    }

    [Theory]
    [InlineData(null, "You did not pass an authentication token")]
    [InlineData("r8_not_a_known_token", "You did not pass a valid authentication token")]
    public async Task A_missing_or_unknown_token_is_401_in_problem_details(string? token, string detail)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, token);

        var reply = await CreateAsync(http, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/problem+json", reply.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthenticated", reply.Json.Str("title"));
        Assert.Equal(detail, reply.Json.Str("detail"));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Replicate));
    }

    [Theory]
    [InlineData("mode", "\"max\"", "input.mode")]
    [InlineData("character_orientation", "\"left\"", "input.character_orientation")]
    [InlineData("keep_original_sound", "\"yes\"", "input.keep_original_sound")]
    [InlineData("prompt", "7", "input.prompt")]
    [InlineData("image", "42", "input.image")]
    [InlineData("video", "\"not a uri\"", "input.video")]
    [InlineData("image", "\"data:image/png;base64,@@@\"", "input.image")]
    public async Task An_input_of_the_wrong_type_or_value_is_422_naming_the_field(string field, string json, string named)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var reply = await CreateAsync(http, Body(input => input[field] = JsonNode.Parse(json)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal(named, reply.Json.GetProperty("invalid_fields")[0].Str("field"));
        Assert.Contains(named, reply.Json.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Replicate));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("video")]
    public async Task A_missing_media_input_is_422(string field)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var reply = await CreateAsync(http, Body(input => input.Remove(field)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal($"input.{field}", reply.Json.GetProperty("invalid_fields")[0].Str("field"));
    }

    [Theory]
    [InlineData("/v1/models/kwaivgi/kling-v9-motion-control/predictions")]
    [InlineData("/v1/models/someone/kling-v2.6-motion-control/predictions")]
    public async Task An_unknown_model_is_404(string path)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var reply = await CreateAsync(http, Body(), path: path);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Theory]
    [InlineData("30", true)]
    [InlineData("5s", true)]
    [InlineData("5", true)]
    [InlineData("1h30m45s", true)]
    [InlineData("2h30m", true)]
    [InlineData("4s", false)]
    [InlineData("4.9", false)]
    [InlineData("5x", false)]
    [InlineData("soon", false)]
    [InlineData("5 m", false)]
    [InlineData("", false)]
    public async Task Cancel_After_is_parsed_as_replicate_documents_it_and_a_bad_or_too_short_one_is_400(string header, bool accepted)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var reply = await CreateAsync(http, Body(), cancelAfter: header);

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(accepted ? 1 : 0, emulator.CreatedTaskCount(EmulatorProviders.Replicate));
        if (!accepted)
        {
            Assert.Equal("Invalid Cancel-After header", reply.Json.Str("title"));
        }
    }

    [Fact]
    public async Task Cancel_stops_a_running_prediction_and_an_ended_one_is_returned_as_it_ended()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().ProcessingForever());
        emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);
        string running = (await CreateAsync(http, Body())).Json.Str("id");
        string ended = (await CreateAsync(http, Body())).Json.Str("id");
        Assert.Equal("succeeded", (await http.GetReplyAsync($"/v1/predictions/{ended}")).Json.Str("status"));

        var canceled = await http.SendAsync(HttpMethod.Post, $"/v1/predictions/{running}/cancel", null);
        var unchanged = await http.SendAsync(HttpMethod.Post, $"/v1/predictions/{ended}/cancel", null);
        var missing = await http.SendAsync(HttpMethod.Post, "/v1/predictions/nosuchprediction/cancel", null);

        Assert.Equal(HttpStatusCode.OK, canceled.Status);
        Assert.Equal("canceled", canceled.Json.Str("status"));
        Assert.Equal("canceled", (await http.GetReplyAsync($"/v1/predictions/{running}")).Json.Str("status"));
        Assert.Equal("succeeded", unchanged.Json.Str("status"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Another_accounts_prediction_is_not_found()
    {
        var other = new EmulatorAccount("other") { ReplicateApiKey = "r8_other_account_000000000000000000" };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [other] } });
        using var mine = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);
        using var theirs = EmulatorHttp.Client(emulator, other.ReplicateApiKey);
        string id = (await CreateAsync(mine, Body())).Json.Str("id");

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetReplyAsync($"/v1/predictions/{id}")).Status);
        Assert.Equal("other", Assert.Single(emulator.Requests, r => r.Path == $"/v1/predictions/{id}").Account);
    }

    [Fact]
    public async Task An_uploaded_file_is_stored_served_and_accepted_as_an_input_of_the_same_account_only()
    {
        var other = new EmulatorAccount("other") { ReplicateApiKey = "r8_other_account_000000000000000000" };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [other] } });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);
        using var theirs = EmulatorHttp.Client(emulator, other.ReplicateApiKey);
        var bytes = MotionControlEmulator.SampleVideo.ToArray();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new("video/mp4") } }, "content", "dance.mp4" } };

        var response = await http.PostAsync(new Uri("/v1/files", UriKind.Relative), form);
        var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string url = file.At("urls").Str("get");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("dance.mp4", file.Str("name"));
        Assert.Equal("video/mp4", file.Str("content_type"));
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt32());
        Assert.Equal(64, file.At("checksums").Str("sha256").Length);
        Assert.Equal(bytes, await http.GetByteArrayAsync(new Uri(url + "/download")));
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(http, Body(input => input["video"] = url))).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(theirs, Body(input => input["video"] = url))).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(http, Body(input => input["video"] = url + "x"))).Status);
        Assert.Equal(EmulatorOperation.Upload, Assert.Single(emulator.Requests, r => r.Path == "/v1/files").Operation);
    }

    [Fact]
    public async Task An_upload_without_the_content_part_is_400()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);
        using var form = new MultipartFormDataContent { { new StringContent("x"), "metadata" } };

        var response = await http.PostAsync(new Uri("/v1/files", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Faults_speak_problem_details_with_retry_after_on_429()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(3)));
        emulator.AddFault(EmulatorProviders.Replicate, EmulatorOperation.Create, EmulatorFault.InsufficientCredits(), FaultSchedule.OnCall(2));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ReplicateApiKey);

        var throttled = await CreateAsync(http, Body());
        var broke = await CreateAsync(http, Body());

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal("3", throttled.Header("Retry-After"));
        Assert.Equal("Request was throttled.", throttled.Json.Str("title"));
        Assert.Equal(HttpStatusCode.PaymentRequired, broke.Status);
        Assert.Equal("Insufficient credit", broke.Json.Str("title"));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Replicate));
    }
}
