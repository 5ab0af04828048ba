using System.Net;
using System.Text.Json.Nodes;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Vydra;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>The emulated balances, read through the SDK: they start at the documented examples and go down with each succeeded job.</summary>
public class EmulatorBalanceTests
{
    [Fact]
    public async Task Vydra_credits_go_down_40_per_succeeded_job()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new VydraClient(new VydraOptions { ApiKey = emulator.Credentials.VydraApiKey, BaseAddress = emulator.BaseAddress });
        Assert.Equal(new MotionControlBalance { Amount = 4250m, Unit = MotionControlCharge.Credits, Source = "creditsRemaining" }, await client.GetBalanceAsync());

        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        string id = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");
        Assert.Equal(4250m, (await client.GetBalanceAsync()).Amount); // not yet succeeded
        await PollUntilAsync(http, $"/api/v1/jobs/{id}", "status", "completed");

        Assert.Equal(4210m, (await client.GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task AimlApi_dollars_go_down_per_succeeded_generation()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new AimlApiClient(new AimlApiOptions { ApiKey = emulator.Credentials.AimlApiKey, BaseAddress = emulator.BaseAddress });
        Assert.Equal(new MotionControlBalance { Amount = 123.45m, Unit = MotionControlCharge.Usd, Source = "current_balance" }, await client.GetBalanceAsync());

        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        string id = (await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi())).Json.Str("id");
        await PollUntilAsync(http, $"/v2/video/generations?generation_id={id}", "status", "completed");

        Assert.Equal(122.82m, (await client.GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task ModelsLab_wallet_and_Kling_packs_start_at_the_documented_examples()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var modelsLab = new ModelsLabClient(new ModelsLabOptions { ApiKey = emulator.Credentials.ModelsLabApiKey, BaseAddress = emulator.BaseAddress });
        using var kling = new KlingClient(new KlingOptions { ApiKey = emulator.Credentials.KlingApiKey, BaseAddress = emulator.BaseAddress });

        Assert.Equal(new MotionControlBalance { Amount = 43.6m, Unit = MotionControlCharge.Usd, Source = "data.balance" }, await modelsLab.GetBalanceAsync());
        var units = await kling.GetBalanceAsync();
        Assert.Equal(200m, units.Amount);
        Assert.Equal(MotionControlCharge.Units, units.Unit);
        Assert.Null(units.AsOf);
    }

    [Fact]
    public async Task Kling_units_go_down_by_each_succeeded_tasks_deduction()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = new KlingClient(new KlingOptions { ApiKey = emulator.Credentials.KlingApiKey, BaseAddress = emulator.BaseAddress });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

        var created = await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling());
        string id = created.Json.At("data").Str("task_id");
        await PollUntilAsync(http, $"/v1/videos/motion-control/{id}", "task_status", "succeed", "data");

        Assert.Equal(195m, (await kling.GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task PowerTokens_has_no_balance()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = new PowerTokensClient(new PowerTokensOptions { ApiKey = emulator.Credentials.PowerTokensApiKey, BaseAddress = emulator.BaseAddress });

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetBalanceAsync());
    }

    [Fact]
    public async Task A_spent_Vydra_balance_refuses_the_next_create_with_402_and_creates_nothing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { [EmulatorProviders.Vydra] = 40 } });
        using var client = new VydraClient(new VydraOptions { ApiKey = emulator.Credentials.VydraApiKey, BaseAddress = emulator.BaseAddress });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);
        Assert.Equal(40m, (await client.GetBalanceAsync()).Amount);

        string id = (await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra())).Json.Str("jobId");
        var whileRunning = await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra()); // not spent until the first succeeds
        await PollUntilAsync(http, $"/api/v1/jobs/{id}", "status", "completed");
        var refused = await http.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());

        Assert.Equal(HttpStatusCode.Accepted, whileRunning.Status);
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.Status);
        Assert.Equal("INSUFFICIENT_CREDITS", refused.Json.Str("code"));
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
        Assert.Equal(3, emulator.CallCount(EmulatorProviders.Vydra, EmulatorOperation.Create));
    }

    [Fact]
    public async Task A_spent_Kling_pack_refuses_the_next_create_with_code_1102()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { [EmulatorProviders.Kling] = 5 } });
        using var kling = new KlingClient(new KlingOptions { ApiKey = emulator.Credentials.KlingApiKey, BaseAddress = emulator.BaseAddress });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

        string id = (await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling())).Json.At("data").Str("task_id");
        await PollUntilAsync(http, $"/v1/videos/motion-control/{id}", "task_status", "succeed", "data");
        var refused = await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling());

        Assert.Equal(0m, (await kling.GetBalanceAsync()).Amount);
        Assert.Equal(1102, refused.Json.GetProperty("code").GetInt32());
        Assert.Equal(1, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }

    [Fact]
    public async Task A_provider_without_a_starting_balance_never_refuses_and_other_accounts_keep_their_own()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { [EmulatorProviders.Vydra] = 0 } });
        using var aiml = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        using var vydra = EmulatorHttp.Client(emulator, emulator.Credentials.VydraApiKey);

        var aimlCreated = await aiml.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        var vydraRefused = await vydra.PostAsync("/api/v1/models/kling", VendorBodies.Vydra());

        Assert.True(aimlCreated.Response.IsSuccessStatusCode, aimlCreated.ToString());
        Assert.Equal(HttpStatusCode.PaymentRequired, vydraRefused.Status);
    }

    [Fact]
    public async Task StartingBalances_naming_no_vendor_is_refused_at_start()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { ["klingg"] = 1 } }));

        Assert.Contains("klingg", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Kling_unit_ledger_lists_each_succeeded_task_with_the_running_pack_balance_and_pages_by_cursor()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = new KlingClient(new KlingOptions { ApiKey = emulator.Credentials.KlingApiKey, BaseAddress = emulator.BaseAddress });
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        var ids = new List<string>();
        foreach (var mode in new[] { "std", "pro", "std" })
        {
            var body = VendorBodies.Kling();
            body["mode"] = mode;
            string id = (await http.PostAsync("/v1/videos/motion-control", body)).Json.At("data").Str("task_id");
            await PollUntilAsync(http, $"/v1/videos/motion-control/{id}", "task_status", "succeed", "data");
            ids.Add(id);
        }

        var window = new KlingLedgerQuery { StartTime = DateTimeOffset.UtcNow.AddHours(-1), EndTime = DateTimeOffset.UtcNow.AddHours(1), Limit = 2 };
        var first = await kling.Api.GetUnitDeductionsAsync(window);
        var second = await kling.Api.GetUnitDeductionsAsync(KlingLedgerQuery.After(first.Data));
        var cash = await kling.Api.GetBalanceDeductionsAsync(window);
        var otherKey = await kling.Api.GetUnitDeductionsAsync(window with { Filters = [new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, ["someone-else"])] });

        var entries = first.Data.Result!.Detail!.Concat(second.Data.Result!.Detail!).ToList();
        Assert.Equal(ids, entries.Select(e => e.TaskId));
        Assert.Equal([5m, 10m, 5m], entries.Select(e => e.DeductionAmount!.Value));
        Assert.Equal([200m, 195m, 185m], entries.Select(e => e.UnitBeforeDeduction!.Value));
        Assert.Equal([195m, 185m, 180m], entries.Select(e => e.UnitAfterDeduction!.Value));
        Assert.Equal(["720p", "1080p", "720p"], entries.Select(e => e.Resolution!));
        Assert.True(first.Data.HasMore);
        Assert.False(second.Data.HasMore);
        Assert.Equal(180m, (await kling.GetBalanceAsync()).Amount);
        Assert.Empty(cash.Data.Result!.Detail!);
        Assert.Empty(otherKey.Data.Result!.Detail!);
    }

    [Fact]
    public async Task The_Kling_ledgers_refuse_a_query_without_a_window()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);

        var unit = await http.PostAsync("/account/billing/package", new JsonObject { ["limit"] = 10 });
        var balance = await http.PostAsync("/account/billing/balance", new JsonObject { ["start_time"] = 2, ["end_time"] = 1 });
        var badKey = await http.PostAsync("/account/billing/balance", new JsonObject { ["start_time"] = 1, ["end_time"] = 2, ["filters"] = new JsonArray(new JsonObject { ["key"] = "product_type", ["values"] = new JsonArray() }) });

        Assert.All([unit, balance, badKey], reply => Assert.Equal(1201, reply.Json.GetProperty("code").GetInt32()));
    }

    private static async Task PollUntilAsync(HttpClient http, string path, string field, string value, string? under = null)
    {
        for (int i = 0; i < 50; i++)
        {
            var json = (await http.GetReplyAsync(path)).Json;
            if ((under is null ? json : json.At(under)).Str(field) == value)
            {
                return;
            }
        }

        Assert.Fail($"{path} never reached {field}={value}");
    }
}
