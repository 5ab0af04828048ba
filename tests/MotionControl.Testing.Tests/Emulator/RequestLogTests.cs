using System.Net;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

public class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_logged_with_provider_operation_method_path_query_headers_body_and_time()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        http.DefaultRequestHeaders.Add("X-Trace", "abc");

        await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());
        clock.Advance(TimeSpan.FromSeconds(5));
        await http.GetReplyAsync("/api/v1/jobs?limit=5&status=pending");

        var log = emulator.Requests;
        Assert.Equal(2, log.Count);
        var create = log[0];
        Assert.Equal(EmulatorProviders.Vydra, create.Provider);
        Assert.Equal(EmulatorOperation.Create, create.Operation);
        Assert.Equal("POST", create.Method);
        Assert.Equal("/api/v1/models/kling", create.Path);
        Assert.Equal(string.Empty, create.Query);
        Assert.Equal("abc", create.Headers["x-trace"]);
        Assert.StartsWith("application/json", create.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(VendorBodies.Vydra().ToJsonString(), create.Body);
        Assert.Equal(clock.GetUtcNow().AddSeconds(-5), create.Timestamp);
        Assert.Equal(1, create.CallNumber);
        var list = log[1];
        Assert.Equal(EmulatorOperation.List, list.Operation);
        Assert.Equal("?limit=5&status=pending", list.Query);
        Assert.Equal(string.Empty, list.Body);
        Assert.Equal("GET /api/v1/jobs?limit=5&status=pending (vydra List #1, account default)", list.ToString());
        Assert.Equal(EmulatorCredentials.DefaultAccountName, list.Account);
    }

    [Fact]
    public async Task Secrets_are_redacted_by_default_and_the_rest_of_the_body_is_kept_as_sent()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        using var modelsLab = EmulatorHttp.Client(emulator);
        string body = "{ \"key\" : \"" + emulator.Credentials.ModelsLabApiKey + "\", \"model_id\":\"kling-motion-control\",\"init_image\":\"https://example.com/a.png\",\"init_video\":\"https://example.com/a.mp4\",\"prompt\":\"p\" }";

        await kling.GetReplyAsync("/v1/videos/motion-control");
        var created = await modelsLab.SendAsync(HttpMethod.Post, "/api/v7/video-fusion/motion-control", body);
        await modelsLab.PostAsync(created.Json.Str("fetch_result"), new JsonObject { ["key"] = emulator.Credentials.ModelsLabApiKey });

        var log = emulator.Requests;
        Assert.Equal("Bearer ***", log[0].Headers["Authorization"]);
        Assert.Equal(body.Replace(emulator.Credentials.ModelsLabApiKey, "***", StringComparison.Ordinal).Replace("\"***\"", "\"***\"", StringComparison.Ordinal), log[1].Body);
        Assert.Equal("{\"key\":\"***\"}", log[2].Body);
        Assert.All(log, r => Assert.DoesNotContain(emulator.Credentials.ModelsLabApiKey, r.Body, StringComparison.Ordinal));
        Assert.All(log, r => Assert.DoesNotContain(emulator.Credentials.KlingApiKey, string.Join(" ", r.Headers.Values), StringComparison.Ordinal));
        var task = emulator.GetTasks(EmulatorProviders.ModelsLab).Single();
        Assert.DoesNotContain(emulator.Credentials.ModelsLabApiKey, task.RequestBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redaction_can_be_turned_off()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        using var kling = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        using var modelsLab = EmulatorHttp.Client(emulator);

        await kling.GetReplyAsync("/v1/videos/motion-control");
        await modelsLab.PostAsync("/api/v7/video-fusion/motion-control", VendorBodies.ModelsLab(emulator));

        Assert.Equal("Bearer " + emulator.Credentials.KlingApiKey, emulator.Requests[0].Headers["Authorization"]);
        Assert.Contains(emulator.Credentials.ModelsLabApiKey, emulator.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_that_fail_or_are_aborted_are_logged_too()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.Abort());
        using var http = EmulatorHttp.Client(emulator, "wrong-key");

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("/v2/video/generations", VendorBodies.AimlApi()));
        var rejected = await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.Status);
        Assert.Equal([1, 2], emulator.Requests.Select(r => r.CallNumber));
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
    }

    [Fact]
    public async Task Created_task_count_proves_a_single_submission()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());

        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
        Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.All(EmulatorProviders.All.Except([EmulatorProviders.AimlApi]), p => Assert.Equal(0, emulator.CreatedTaskCount(p)));
    }
}
