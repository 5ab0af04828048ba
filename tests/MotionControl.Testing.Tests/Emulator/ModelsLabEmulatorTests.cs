using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class ModelsLabEmulatorTests
{
    private const string CreatePath = "/api/v7/video-fusion/motion-control";

    private static JsonObject KeyBody(MotionControlEmulator emulator) => new() { ["key"] = emulator.Credentials.ModelsLabApiKey };

    [Fact]
    public async Task Task_is_created_with_a_numeric_id_and_fetched_by_post_until_success()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);

        var created = await http.PostAsync(CreatePath, VendorBodies.ModelsLab(emulator));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("processing", created.Json.Str("status"));
        Assert.Equal(JsonValueKind.Number, created.Json.GetProperty("id").ValueKind);
        long id = created.Json.GetProperty("id").GetInt64();
        var fetchResult = new Uri(created.Json.Str("fetch_result"));
        Assert.True(fetchResult.IsAbsoluteUri);
        Assert.Equal($"/api/v7/video-fusion/fetch/{id}", fetchResult.AbsolutePath);
        Assert.Equal(3, created.Json.GetProperty("eta").GetInt32());
        Assert.Single(created.Json.GetProperty("future_links").EnumerateArray());

        var etas = new List<int>();
        JsonElement fetched;
        do
        {
            fetched = (await http.PostAsync(fetchResult.AbsoluteUri, KeyBody(emulator))).Json;
            if (fetched.TryGetProperty("eta", out var eta))
            {
                etas.Add(eta.GetInt32());
            }
        }
        while (fetched.Str("status") == "processing" && etas.Count < 10);

        Assert.Equal("success", fetched.Str("status"));
        Assert.Equal(id, fetched.GetProperty("id").GetInt64());
        Assert.Equal([2, 1, 1], etas);
        string output = fetched.GetProperty("output")[0].GetString()!;
        Assert.Equal(output, fetched.GetProperty("proxy_links")[0].GetString());
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await http.GetByteArrayAsync(new Uri(output)));
        Assert.Equal(4, emulator.FindTask(EmulatorProviders.ModelsLab, id.ToString())!.PollCount);
    }

    [Fact]
    public async Task Future_links_answer_404_until_the_task_succeeds()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Processing(1).Succeeds());
        using var http = EmulatorHttp.Client(emulator);
        var created = (await http.PostAsync(CreatePath, VendorBodies.ModelsLab(emulator))).Json;
        var futureLink = new Uri(created.GetProperty("future_links")[0].GetString()!);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(futureLink)).StatusCode);
        await http.PostAsync(created.Str("fetch_result"), KeyBody(emulator));
        await http.PostAsync(created.Str("fetch_result"), KeyBody(emulator));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(futureLink)).StatusCode);
    }

    [Fact]
    public async Task Eta_counts_down_the_seconds_left_on_a_timed_lifecycle()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Queued(TimeSpan.FromSeconds(20)).Processing(TimeSpan.FromSeconds(100)).Succeeds());
        using var http = EmulatorHttp.Client(emulator);
        var created = (await http.PostAsync(CreatePath, VendorBodies.ModelsLab(emulator))).Json;
        Assert.Equal(120, created.GetProperty("eta").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(50));
        var midway = (await http.PostAsync(created.Str("fetch_result"), KeyBody(emulator))).Json;
        clock.Advance(TimeSpan.FromSeconds(70));
        var done = (await http.PostAsync(created.Str("fetch_result"), KeyBody(emulator))).Json;

        Assert.Equal("processing", midway.Str("status"));
        Assert.Equal(70, midway.GetProperty("eta").GetInt32());
        Assert.Equal("success", done.Str("status"));
    }

    [Fact]
    public async Task A_failed_task_shows_status_error_with_its_message_inside_http_200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Fails("GPU out of memory"));
        using var http = EmulatorHttp.Client(emulator);
        var created = (await http.PostAsync(CreatePath, VendorBodies.ModelsLab(emulator))).Json;

        var fetched = await http.PostAsync(created.Str("fetch_result"), KeyBody(emulator));

        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal("error", fetched.Json.Str("status"));
        Assert.Equal("GPU out of memory", fetched.Json.Str("message"));
    }

    [Fact]
    public async Task The_key_is_read_from_the_body_and_a_wrong_key_is_an_error_inside_http_200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.ModelsLabApiKey);
        var body = VendorBodies.ModelsLab(emulator);
        body["key"] = "wrong";

        var create = await http.PostAsync(CreatePath, body);
        var fetch = await http.PostAsync("/api/v7/video-fusion/fetch/1", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, create.Status);
        Assert.Equal("error", create.Json.Str("status"));
        Assert.Equal("Invalid Api Key", create.Json.Str("message"));
        Assert.Equal("error", fetch.Json.Str("status"));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Theory]
    [InlineData("prompt", null, "prompt")]
    [InlineData("init_image", null, "init_image")]
    [InlineData("init_video", null, "init_video")]
    [InlineData("model_id", null, "model_id")]
    [InlineData("model_id", "kling-v9", "Model not found")]
    [InlineData("init_image", "data:image/png;base64,AAAA", "init_image")]
    [InlineData("character_orientation", "up", "character_orientation")]
    [InlineData("mode", "ultra", "mode")]
    public async Task Create_rejects_missing_or_wrong_fields_with_status_error(string field, string? value, string messagePart)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        var body = VendorBodies.ModelsLab(emulator);
        body.Remove(field);
        if (value is not null)
        {
            body[field] = value;
        }

        var reply = await http.PostAsync(CreatePath, body);

        Assert.Equal("error", reply.Json.Str("status"));
        Assert.Contains(messagePart, reply.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Fact]
    public async Task Init_image_as_an_array_is_rejected_because_motion_control_takes_a_string()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        var body = VendorBodies.ModelsLab(emulator);
        body["init_image"] = new JsonArray(VendorBodies.ImageUrl);

        var reply = await http.PostAsync(CreatePath, body);

        Assert.Equal("error", reply.Json.Str("status"));
    }

    [Fact]
    public async Task Webhook_and_track_id_are_accepted_and_track_id_is_echoed()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        var body = VendorBodies.ModelsLab(emulator);
        body["webhook"] = "https://example.com/hook";
        body["track_id"] = 77;
        body["future_option"] = "passthrough";

        var reply = await http.PostAsync(CreatePath, body);

        Assert.Equal("processing", reply.Json.Str("status"));
        Assert.Equal(77, reply.Json.GetProperty("track_id").GetInt32());
    }

    [Fact]
    public async Task Unknown_id_is_an_error_inside_http_200()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);

        var reply = await http.PostAsync("/api/v7/video-fusion/fetch/42", KeyBody(emulator));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("error", reply.Json.Str("status"));
    }
}
