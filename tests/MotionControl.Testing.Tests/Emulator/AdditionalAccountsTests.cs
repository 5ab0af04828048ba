using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>Two accounts per vendor side by side: each one's keys work, the log names the account, tasks stay apart.</summary>
public class AdditionalAccountsTests
{
    private const string KlingPath = "/v1/videos/motion-control";
    private const string VydraCreatePath = "/api/v1/models/kling";
    private const string ModelsLabCreatePath = "/api/v7/video-fusion/motion-control";

    private static EmulatorAccount Eu() => new("eu")
    {
        KlingAccessKey = "eu-kling-access-key",
        KlingSecretKey = "eu-kling-secret-key-00000000000000",
        KlingApiKey = "eu-kling-api-key",
        PowerTokensApiKey = "eu-powertokens-api-key",
        ModelsLabApiKey = "eu-modelslab-api-key",
        AimlApiKey = "eu-aimlapi-key",
        VydraApiKey = "vydra_live_user_eu_1111111111111111",
        FalApiKey = "fal-eu-key-id:fal-eu-secret-1111",
    };

    private static IEnumerable<string> Keys(EmulatorAccount account) =>
        new[] { account.KlingAccessKey, account.KlingSecretKey, account.KlingApiKey, account.PowerTokensApiKey, account.ModelsLabApiKey, account.AimlApiKey, account.VydraApiKey, account.FalApiKey }
            .OfType<string>();

    private static async Task<(MotionControlEmulator Emulator, FakeTimeProvider Clock, EmulatorAccount Eu)> StartAsync(bool redactSecrets = true)
    {
        var clock = new FakeTimeProvider();
        var eu = Eu();
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            TimeProvider = clock,
            RedactSecrets = redactSecrets,
            Credentials = new EmulatorCredentials { AdditionalAccounts = [eu] },
        });
        return (emulator, clock, eu);
    }

    private static string Jwt(string accessKey, string secretKey, FakeTimeProvider clock, TimeSpan? expiresIn = null, TimeSpan? notBeforeOffset = null) =>
        KlingTokens.Create(accessKey, secretKey, clock.GetUtcNow(), expiresIn, notBeforeOffset);

    private static JsonObject ModelsLabBody(MotionControlEmulator emulator, string key)
    {
        var body = VendorBodies.ModelsLab(emulator);
        body["key"] = key;
        return body;
    }

    [Fact]
    public async Task Kling_accepts_a_jwt_and_the_api_key_of_each_account_and_the_log_names_the_account()
    {
        var (emulator, clock, eu) = await StartAsync();
        await using var _ = emulator;
        var defaults = emulator.Credentials;
        using var http = EmulatorHttp.Client(emulator);
        string[] tokens =
        [
            Jwt(defaults.KlingAccessKey, defaults.KlingSecretKey, clock),
            Jwt(eu.KlingAccessKey!, eu.KlingSecretKey!, clock),
            eu.KlingApiKey!,
            defaults.KlingApiKey,
        ];

        foreach (string token in tokens)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var reply = await http.GetReplyAsync(KlingPath);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Equal(0, reply.Json.GetProperty("code").GetInt32());
        }

        Assert.Equal(["default", "eu", "eu", "default"], emulator.Requests.Select(r => r.Account));
        Assert.Equal("GET /v1/videos/motion-control (kling List #2, account eu)", emulator.Requests[1].ToString());
    }

    [Fact]
    public async Task Kling_refuses_a_jwt_that_mixes_two_accounts_keys_or_has_a_wrong_secret_and_logs_no_account()
    {
        var (emulator, clock, eu) = await StartAsync();
        await using var _ = emulator;
        var defaults = emulator.Credentials;
        using var http = EmulatorHttp.Client(emulator);
        string[] tokens =
        [
            Jwt(eu.KlingAccessKey!, defaults.KlingSecretKey, clock),
            Jwt(defaults.KlingAccessKey, eu.KlingSecretKey!, clock),
            Jwt(eu.KlingAccessKey!, "not-the-eu-secret-0000000000000000", clock),
            "not-a-known-api-key",
        ];

        foreach (string token in tokens)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var create = await http.PostAsync(KlingPath, VendorBodies.Kling());
            Assert.Equal(HttpStatusCode.Unauthorized, create.Status);
            Assert.Equal(1000, create.Json.GetProperty("code").GetInt32());
        }

        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
        Assert.All(emulator.Requests, r => Assert.Null(r.Account));
    }

    [Fact]
    public async Task Kling_checks_exp_and_nbf_of_an_additional_accounts_jwt_on_the_emulator_clock()
    {
        var (emulator, clock, eu) = await StartAsync();
        await using var _ = emulator;
        using var http = EmulatorHttp.Client(emulator);
        string expiring = Jwt(eu.KlingAccessKey!, eu.KlingSecretKey!, clock, expiresIn: TimeSpan.FromMinutes(30));
        string early = Jwt(eu.KlingAccessKey!, eu.KlingSecretKey!, clock, notBeforeOffset: TimeSpan.FromSeconds(1));

        async Task<int> CodeAsync(string token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await http.GetReplyAsync(KlingPath)).Json.GetProperty("code").GetInt32();
        }

        Assert.Equal(1003, await CodeAsync(early));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await CodeAsync(early));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1004, await CodeAsync(expiring));

        Assert.Equal([null, "eu", null], emulator.Requests.Select(r => r.Account));
    }

    [Fact]
    public async Task Kling_tasks_are_scoped_per_account_and_external_ids_are_unique_per_account()
    {
        var (emulator, clock, eu) = await StartAsync();
        await using var _ = emulator;
        using var mine = EmulatorHttp.Client(emulator, eu.KlingApiKey);
        using var theirs = EmulatorHttp.Client(emulator, Jwt(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock));
        var body = VendorBodies.Kling();
        body["external_task_id"] = "order-1";

        var created = await mine.PostAsync(KlingPath, body);
        string taskId = created.Json.At("data").Str("task_id");

        Assert.Equal(HttpStatusCode.OK, (await mine.GetReplyAsync($"{KlingPath}/{taskId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetReplyAsync($"{KlingPath}/order-1")).Status);
        foreach (string id in new[] { taskId, "order-1" })
        {
            var hidden = await theirs.GetReplyAsync($"{KlingPath}/{id}");
            Assert.Equal(HttpStatusCode.BadRequest, hidden.Status);
            Assert.Equal(1201, hidden.Json.GetProperty("code").GetInt32());
            Assert.Equal($"Task not found by id/external id: {id}", hidden.Json.Str("message"));
        }

        Assert.Equal(0, (await theirs.GetReplyAsync(KlingPath)).Json.GetProperty("data").GetArrayLength());
        Assert.Equal(1, (await mine.GetReplyAsync(KlingPath)).Json.GetProperty("data").GetArrayLength());

        // The same external id is free on the other account, and still taken on this one.
        var other = await theirs.PostAsync(KlingPath, body);
        Assert.Equal(0, other.Json.GetProperty("code").GetInt32());
        var again = await mine.PostAsync(KlingPath, body);
        Assert.Equal(1201, again.Json.GetProperty("code").GetInt32());

        Assert.Equal("eu", emulator.FindTask(EmulatorProviders.Kling, taskId)!.Account);
        Assert.Equal("default", emulator.FindTask(EmulatorProviders.Kling, "order-1")!.Account);
        Assert.Equal(["default", "eu"], emulator.GetTasks(EmulatorProviders.Kling).Select(t => t.Account));
    }

    [Fact]
    public async Task Vydra_accepts_each_accounts_key_names_the_account_and_still_refuses_a_wrong_key()
    {
        var (emulator, _, eu) = await StartAsync();
        await using var __ = emulator;
        using var defaultHttp = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        using var euHttp = EmulatorHttp.Client(emulator, eu.VydraApiKey);
        using var wrongHttp = EmulatorHttp.Client(emulator, "vydra_live_user_nobody_0000000000000000");

        var first = await defaultHttp.PostAsync(VydraCreatePath, VendorBodies.Vydra());
        var second = await euHttp.PostAsync(VydraCreatePath, VendorBodies.Vydra());
        var wrong = await wrongHttp.PostAsync(VydraCreatePath, VendorBodies.Vydra());
        var poll = await euHttp.GetReplyAsync($"/api/v1/jobs/{second.Json.Str("jobId")}");

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(HttpStatusCode.OK, poll.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("KEY_NOT_FOUND", wrong.Json.Str("code"));
        Assert.Equal(["default", "eu", null, "eu"], emulator.Requests.Select(r => r.Account));
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
    }

    [Fact]
    public async Task Vydra_jobs_are_scoped_per_account_for_get_list_and_cancel()
    {
        var (emulator, _, eu) = await StartAsync();
        await using var __ = emulator;
        using var mine = EmulatorHttp.Client(emulator, eu.VydraApiKey);
        using var theirs = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string jobId = (await mine.PostAsync(VydraCreatePath, VendorBodies.Vydra())).Json.Str("jobId");

        var get = await theirs.GetReplyAsync($"/api/v1/jobs/{jobId}");
        var cancel = await theirs.SendAsync(HttpMethod.Delete, $"/api/v1/jobs/{jobId}", null);
        var theirList = await theirs.GetReplyAsync("/api/v1/jobs");
        var myList = await mine.GetReplyAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("JOB_NOT_FOUND", get.Json.Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        Assert.Equal(0, theirList.Json.GetProperty("total").GetInt32());
        Assert.Equal(1, myList.Json.GetProperty("total").GetInt32());
        Assert.Equal(jobId, myList.Json.GetProperty("jobs")[0].Str("id"));
        Assert.NotEqual(EmulatedTaskStatus.Canceled, emulator.FindTask(EmulatorProviders.Vydra, jobId)!.Status);
        Assert.Equal("eu", emulator.FindTask(EmulatorProviders.Vydra, jobId)!.Account);
    }

    [Fact]
    public async Task ModelsLab_reads_each_accounts_key_from_the_body_scopes_fetches_and_still_refuses_a_wrong_key()
    {
        var (emulator, _, eu) = await StartAsync();
        await using var __ = emulator;
        using var http = EmulatorHttp.Client(emulator);

        var mine = await http.PostAsync(ModelsLabCreatePath, ModelsLabBody(emulator, eu.ModelsLabApiKey!));
        var theirs = await http.PostAsync(ModelsLabCreatePath, ModelsLabBody(emulator, emulator.Credentials.ModelsLabApiKey));
        var wrong = await http.PostAsync(ModelsLabCreatePath, ModelsLabBody(emulator, "not-a-known-key"));
        string myFetch = mine.Json.Str("fetch_result");
        var myPoll = await http.PostAsync(myFetch, new JsonObject { ["key"] = eu.ModelsLabApiKey });
        var theirPoll = await http.PostAsync(myFetch, new JsonObject { ["key"] = emulator.Credentials.ModelsLabApiKey });

        Assert.Equal("processing", mine.Json.Str("status"));
        Assert.Equal("processing", theirs.Json.Str("status"));
        Assert.Equal("error", wrong.Json.Str("status"));
        Assert.Equal("Invalid Api Key", wrong.Json.Str("message"));
        Assert.Equal("processing", myPoll.Json.Str("status"));
        Assert.Equal("error", theirPoll.Json.Str("status"));
        Assert.Contains("not found", theirPoll.Json.Str("message"), StringComparison.Ordinal);
        Assert.Equal(["eu", "default", null, "eu", "default"], emulator.Requests.Select(r => r.Account));
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.ModelsLab));
    }

    [Fact]
    public async Task PowerTokens_and_AimlApi_accept_each_accounts_key_and_name_the_account()
    {
        var (emulator, _, eu) = await StartAsync();
        await using var __ = emulator;
        using var powerTokens = EmulatorHttp.Client(emulator, eu.PowerTokensApiKey);
        using var aimlApi = EmulatorHttp.Client(emulator, eu.AimlApiKey);
        using var aimlApiDefault = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);

        var ptCreated = await powerTokens.PostAsync("/kling/v1/videos/motion-control", VendorBodies.PowerTokens());
        var aimlCreated = await aimlApi.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        string generationId = aimlCreated.Json.Str("id");
        var aimlMine = await aimlApi.GetReplyAsync($"/v2/video/generations?generation_id={generationId}");
        var aimlTheirs = await aimlApiDefault.GetReplyAsync($"/v2/video/generations?generation_id={generationId}");

        Assert.Equal(0, ptCreated.Json.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, aimlMine.Status);
        Assert.Equal(HttpStatusCode.NotFound, aimlTheirs.Status);
        Assert.Equal(["eu", "eu", "eu", "default"], emulator.Requests.Select(r => r.Account));
        Assert.Equal("eu", Assert.Single(emulator.GetTasks(EmulatorProviders.PowerTokens)).Account);
    }

    [Fact]
    public async Task An_additional_accounts_keys_never_reach_the_log_even_when_sent_somewhere_unexpected()
    {
        var (plain, _, _) = await StartAsync(redactSecrets: false);
        await using var __ = plain;
        var (emulator, clock, eu) = await StartAsync();
        await using var _ = emulator;
        foreach (var target in new[] { emulator, plain })
        {
            using var kling = EmulatorHttp.Client(target, eu.KlingApiKey);
            using var klingJwt = EmulatorHttp.Client(target, Jwt(eu.KlingAccessKey!, eu.KlingSecretKey!, clock));
            using var vydra = EmulatorHttp.Client(target, eu.VydraApiKey);
            vydra.DefaultRequestHeaders.Add("X-Api-Key", eu.PowerTokensApiKey);
            using var aimlApi = EmulatorHttp.Client(target, eu.AimlApiKey);
            var aimlBody = VendorBodies.AimlApi();
            aimlBody["prompt"] = "accidentally pasted " + eu.AimlApiKey + " and " + eu.KlingSecretKey;

            await kling.PostAsync(KlingPath, VendorBodies.Kling());
            await klingJwt.GetReplyAsync(KlingPath);
            await vydra.GetReplyAsync("/api/v1/jobs?key=" + eu.VydraApiKey);
            await aimlApi.PostAsync("/v2/video/generations", aimlBody);
            await vydra.PostAsync(ModelsLabCreatePath, ModelsLabBody(target, eu.ModelsLabApiKey!));
            await vydra.SendAsync(HttpMethod.Post, ModelsLabCreatePath, "{\"key\":\"" + eu.ModelsLabApiKey + "\", broken");
            using var fal = EmulatorHttp.Client(target);
            fal.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Key", eu.FalApiKey);
            await fal.PostAsync("/storage/upload/initiate", new System.Text.Json.Nodes.JsonObject { ["content_type"] = "video/mp4", ["file_name"] = eu.FalApiKey + ".mp4" });
        }

        static string Everything(RecordedRequest r) =>
            string.Join("\n", [r.ToString(), r.Path, r.Query, r.Body, .. r.Headers.Select(h => h.Key + ": " + h.Value)]);

        string redacted = string.Join("\n", emulator.Requests.Select(Everything)) + "\n" + string.Join("\n", emulator.GetTasks(EmulatorProviders.AimlApi).Select(t => t.RequestBody));
        Assert.All(Keys(eu), key => Assert.DoesNotContain(key, redacted, StringComparison.Ordinal));
        Assert.Contains("accidentally pasted *** and ***", redacted, StringComparison.Ordinal);
        Assert.Equal(["eu", "eu", "eu", "eu", "eu", null, "eu"], emulator.Requests.Select(r => r.Account));

        // The same traffic with redaction off does show them: the assertions above are not vacuous.
        string unredacted = string.Join("\n", plain.Requests.Select(Everything));
        Assert.All(Keys(eu).Where(k => k != eu.KlingAccessKey && k != eu.KlingSecretKey), key => Assert.Contains(key, unredacted, StringComparison.Ordinal));
        Assert.Contains(eu.KlingSecretKey!, unredacted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_a_fault_answers_still_names_its_account()
    {
        var (emulator, _, eu) = await StartAsync();
        await using var __ = emulator;
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.ServerError(503));
        using var http = EmulatorHttp.Client(emulator, eu.VydraApiKey);

        var reply = await http.PostAsync(VydraCreatePath, VendorBodies.Vydra());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("eu", Assert.Single(emulator.Requests).Account);
    }

    [Fact]
    public async Task An_account_is_unknown_at_the_vendors_whose_keys_it_leaves_null()
    {
        var vydraOnly = new EmulatorAccount("vydra-only") { VydraApiKey = "shared-looking-key" };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            Credentials = new EmulatorCredentials { AdditionalAccounts = [vydraOnly] },
        });
        using var http = EmulatorHttp.Client(emulator, vydraOnly.VydraApiKey);

        Assert.Equal(HttpStatusCode.OK, (await http.GetReplyAsync("/api/v1/jobs")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetReplyAsync(KlingPath)).Status);
        Assert.Equal(["vydra-only", null, null], emulator.Requests.Select(r => r.Account));
    }

    [Fact]
    public async Task Without_additional_accounts_requests_name_the_default_account_and_downloads_none()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().Succeeds());
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        string jobId = (await http.PostAsync(VydraCreatePath, VendorBodies.Vydra())).Json.Str("jobId");
        string videoUrl = (await http.GetReplyAsync($"/api/v1/jobs/{jobId}")).Json.At("output").Str("videoUrl");
        await http.GetAsync(new Uri(videoUrl));

        Assert.Equal([EmulatorCredentials.DefaultAccountName, EmulatorCredentials.DefaultAccountName, null], emulator.Requests.Select(r => r.Account));
        Assert.Equal(EmulatorCredentials.DefaultAccountName, emulator.FindTask(EmulatorProviders.Vydra, jobId)!.Account);
    }

    [Fact]
    public async Task Invalid_additional_accounts_are_refused_at_start_without_showing_a_key()
    {
        var defaults = new EmulatorCredentials();
        EmulatorAccount[][] invalid =
        [
            [new EmulatorAccount("eu") { VydraApiKey = "k1" }, new EmulatorAccount("eu") { VydraApiKey = "k2" }],
            [new EmulatorAccount(EmulatorCredentials.DefaultAccountName) { VydraApiKey = "k1" }],
            [new EmulatorAccount("eu") { VydraApiKey = defaults.VydraApiKey }],
            [new EmulatorAccount("eu") { KlingApiKey = "same-key" }, new EmulatorAccount("us") { KlingApiKey = "same-key" }],
            [new EmulatorAccount("eu") { KlingAccessKey = defaults.KlingAccessKey, KlingSecretKey = "another-secret-000000000000000000" }],
            [new EmulatorAccount("eu") { KlingAccessKey = "ak-without-secret" }],
            [new EmulatorAccount("eu")],
            [new EmulatorAccount("eu") { AimlApiKey = " " }],
            [null!],
        ];

        foreach (var accounts in invalid)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
            {
                Credentials = new EmulatorCredentials { AdditionalAccounts = accounts },
            }));
            Assert.DoesNotContain(defaults.VydraApiKey, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("same-key", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(defaults.KlingAccessKey, error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => new EmulatorAccount(" "));

        // The same key at two different vendors is no conflict.
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            Credentials = new EmulatorCredentials { AdditionalAccounts = [new EmulatorAccount("eu") { VydraApiKey = defaults.AimlApiKey }] },
        });
        Assert.Equal("EmulatorAccount eu", emulator.Credentials.AdditionalAccounts[0].ToString());
    }
}
