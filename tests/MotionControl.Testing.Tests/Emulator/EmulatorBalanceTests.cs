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
