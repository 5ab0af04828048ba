using System.Net;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class PowerTokensEmulatorTests
{
    private const string Path = "/kling/v1/videos/motion-control";

    [Fact]
    public async Task Task_runs_its_lifecycle_in_the_kling_envelope_under_the_kling_prefix()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        var body = VendorBodies.PowerTokens();
        body["external_task_id"] = "pt-order-1";

        var created = await http.PostAsync(Path, body);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(0, created.Json.GetProperty("code").GetInt32());
        string taskId = created.Json.At("data").Str("task_id");
        Assert.Matches("^[A-Za-z0-9_-]{1,200}$", taskId);
        Assert.Equal("submitted", created.Json.At("data").Str("task_status"));
        Assert.Equal("pt-order-1", created.Json.At("data", "task_info").Str("external_task_id"));

        var statuses = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await http.GetReplyAsync($"{Path}/{taskId}")).Json.At("data").Str("task_status"));
        }

        Assert.Equal(["submitted", "processing", "processing", "succeed"], statuses);
        var done = (await http.GetReplyAsync($"{Path}/{taskId}")).Json.At("data");
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, done.At("task_result", "videos")[0].Str("url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_name_is_required_and_only_kling_v3_is_accepted()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        var withoutModel = VendorBodies.PowerTokens();
        withoutModel.Remove("model_name");

        var missing = await http.PostAsync(Path, withoutModel);
        var v26 = await http.PostAsync(Path, VendorBodies.Kling("kling-v2-6"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(1201, missing.Json.GetProperty("code").GetInt32());
        Assert.Contains("model_name", missing.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, v26.Status);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.PowerTokens));
    }

    [Fact]
    public async Task Boolean_keep_original_sound_and_a_data_prefixed_image_are_rejected_like_kling()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        var booleanSound = VendorBodies.PowerTokens();
        booleanSound["keep_original_sound"] = false;
        var dataImage = VendorBodies.PowerTokens();
        dataImage["image_url"] = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";

        var sound = await http.PostAsync(Path, booleanSound);
        var image = await http.PostAsync(Path, dataImage);

        Assert.Equal(1201, sound.Json.GetProperty("code").GetInt32());
        Assert.Contains("keep_original_sound", sound.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(1201, image.Json.GetProperty("code").GetInt32());
        Assert.Contains("data:", image.Json.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_auth_errors_use_the_new_api_error_shape_with_a_request_id_suffix()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var anonymous = EmulatorHttp.Client(emulator);
        using var wrongKey = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

        var missing = await anonymous.PostAsync(Path, VendorBodies.PowerTokens());
        var invalid = await wrongKey.PostAsync(Path, VendorBodies.PowerTokens());

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.Status);
        Assert.Matches(@"\(request id: [0-9a-f-]+\)$", invalid.Json.At("error").Str("message"));
        Assert.Equal("invalid_token", invalid.Json.At("error").Str("code"));
        Assert.False(invalid.Json.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Unknown_task_answers_404_in_the_gateway_shape_and_there_is_no_list_route()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);

        var unknown = await http.GetReplyAsync($"{Path}/pt_missing");
        var list = await http.GetReplyAsync(Path);

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("task_not_exist", unknown.Json.At("error").Str("code"));
        Assert.NotEqual(HttpStatusCode.OK, list.Status);
    }

    [Fact]
    public async Task Kling_and_powertokens_tasks_are_kept_apart()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var pt = EmulatorHttp.Client(emulator, emulator.Credentials.PowerTokensApiKey);
        using var kling = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        var body = VendorBodies.PowerTokens();
        body["external_task_id"] = "shared-id";

        Assert.Equal(HttpStatusCode.OK, (await pt.PostAsync(Path, body)).Status);
        Assert.Equal(HttpStatusCode.OK, (await kling.PostAsync("/v1/videos/motion-control", (JsonObject)body.DeepClone())).Status);
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.PowerTokens));
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }
}
