using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class AimlApiEmulatorTests
{
    private const string Path = "/v2/video/generations";

    [Fact]
    public async Task Generation_goes_queued_generating_completed_with_video_url()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        var created = await http.PostAsync(Path, VendorBodies.AimlApi());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        string id = created.Json.Str("id");
        Assert.Equal("queued", created.Json.Str("status"));
        Assert.Equal(2, created.Json.EnumerateObject().Count());

        var seen = new List<JsonElement>();
        for (int i = 0; i < 4; i++)
        {
            seen.Add((await http.GetReplyAsync($"{Path}?generation_id={id}")).Json);
        }

        Assert.Equal(["queued", "generating", "generating", "completed"], seen.Select(s => s.Str("status")));
        Assert.Equal(JsonValueKind.Null, seen[0].GetProperty("video").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen[3].GetProperty("error").ValueKind);
        var url = new Uri(seen[3].At("video").Str("url"));
        Assert.Equal(emulator.BaseAddress.Authority, url.Authority);
        Assert.True(seen[3].At("meta", "usage", "credits_used").GetInt32() > 0);
    }

    [Fact]
    public async Task A_failure_is_reported_as_status_error_with_error_name_and_message()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.AimlApi, new TaskLifecycle().FailsWithContentPolicyViolation("unsafe input"));
        emulator.EnqueueLifecycle(EmulatorProviders.AimlApi, new TaskLifecycle().Fails("render crashed"));
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        string policyId = (await http.PostAsync(Path, VendorBodies.AimlApi())).Json.Str("id");
        string failedId = (await http.PostAsync(Path, VendorBodies.AimlApi())).Json.Str("id");

        var policy = (await http.GetReplyAsync($"{Path}?generation_id={policyId}")).Json;
        var failed = (await http.GetReplyAsync($"{Path}?generation_id={failedId}")).Json;

        Assert.Equal("error", policy.Str("status"));
        Assert.Equal("ContentPolicyViolationError", policy.At("error").Str("name"));
        Assert.Equal("unsafe input", policy.At("error").Str("message"));
        Assert.Equal("GenerationError", failed.At("error").Str("name"));
        Assert.Equal("render crashed", failed.At("error").Str("message"));
    }

    [Fact]
    public async Task Http_errors_carry_message_path_request_id_status_code_and_timestamp()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var anonymous = EmulatorHttp.Client(emulator);
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        var unauthorized = await anonymous.PostAsync(Path, VendorBodies.AimlApi());
        var missing = await http.GetReplyAsync($"{Path}?generation_id=nope");
        var noId = await http.GetReplyAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        Assert.Equal("/v2/video/generations", unauthorized.Json.Str("path"));
        Assert.Equal("401", unauthorized.Json.Str("statusCode"));
        Assert.False(string.IsNullOrEmpty(unauthorized.Json.Str("requestId")));
        Assert.True(DateTimeOffset.TryParse(unauthorized.Json.Str("timestamp"), out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noId.Status);
    }

    public static TheoryData<string, JsonNode?> RejectedFields => new()
    {
        { "keep_audio", JsonValue.Create("true") },
        { "keep_audio", JsonValue.Create("no") },
        { "video_url", JsonValue.Create("http://example.com/dance.mp4") },
        { "video_url", JsonValue.Create("AAAAIGZ0eXBpc29t") },
        { "video_url", null },
        { "image_url", null },
        { "model", JsonValue.Create("klingai/video-v2-6-pro") },
        { "model", null },
        { "character_orientation", JsonValue.Create("both") },
    };

    [Theory]
    [MemberData(nameof(RejectedFields))]
    public async Task Create_rejects_a_wrong_wire_shape_with_400(string field, JsonNode? value)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        var body = VendorBodies.AimlApi();
        body.Remove(field);
        if (value is not null)
        {
            body[field] = value.DeepClone();
        }

        var reply = await http.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(field, reply.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal("400", reply.Json.Str("statusCode"));
    }

    [Fact]
    public async Task Data_uri_video_and_base64_image_are_accepted()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        var body = VendorBodies.AimlApi();
        body["video_url"] = "data:video/mp4;base64," + Convert.ToBase64String(MotionControlEmulator.SampleVideo.Span);
        body["image_url"] = "data:image/png;base64,iVBORw0KGgo=";
        body["prompt"] = "a parrot flies in at 00:03";

        var reply = await http.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }
}
