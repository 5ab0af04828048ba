using MotionControl.Providers.Kling;
using MotionControl.Testing;
using MotionControl.Tests.TestSupport;

namespace MotionControl.Tests.Providers;

/// <summary><see cref="MotionControlTask.Charge"/>: what each vendor reports it charged, as the emulator spells it per vendor.</summary>
public sealed class ChargeTests
{
    public static TheoryData<string, GenerationMode?, decimal, string, string> Charged => new()
    {
        // Kling's legacy final_unit_deduction (the emulator bills 5 units std, 10 pro), PowerTokens forwards it.
        { MotionControlProviders.Kling, GenerationMode.Pro, 10m, MotionControlCharge.Units, "final_unit_deduction" },
        { MotionControlProviders.Kling, GenerationMode.Standard, 5m, MotionControlCharge.Units, "final_unit_deduction" },
        { MotionControlProviders.PowerTokens, GenerationMode.Pro, 10m, MotionControlCharge.Units, "final_unit_deduction" },
        { MotionControlProviders.AimlApi, null, 1_260_000m, MotionControlCharge.Credits, "meta.usage.credits_used" },
        { MotionControlProviders.Vydra, null, 40m, MotionControlCharge.Credits, "creditsCharged" },
    };

    [Theory]
    [MemberData(nameof(Charged))]
    public async Task A_job_ends_with_the_charge_the_vendor_reported(string provider, GenerationMode? mode, decimal amount, string unit, string source)
    {
        await using var bed = await VendorTestBed.StartAsync(provider);

        var task = await bed.Client.WaitForCompletionAsync((await bed.Client.SubmitAsync(bed.Request(r => r with { Mode = mode }))).Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(new MotionControlCharge { Amount = amount, Unit = unit, Source = source }, task.Charge);
    }

    [Fact]
    public async Task A_Kling_API_2_0_job_ends_with_its_billing()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = (KlingClient)VendorTestBed.CreateClient(MotionControlProviders.Kling, emulator, options =>
        {
            var kling = (KlingOptions)options;
            (kling.ApiVersion, kling.AccessKey, kling.SecretKey, kling.ApiKey) = (KlingApiVersion.V2, null, null, emulator.Credentials.KlingApiKey);
        });

        var submitted = await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Kling) with { Mode = GenerationMode.Pro });
        var done = await client.WaitForCompletionAsync(submitted.Id);

        Assert.Null(submitted.Charge); // a create reply bills nothing yet
        Assert.Equal(new MotionControlCharge { Amount = 10m, Unit = MotionControlCharge.Units, Source = "billing" }, done.Charge);
        Assert.Equal(done.Charge, Assert.Single(await client.ListTasksAsync(new MotionControlListOptions { Status = MotionControlTaskStatus.Succeeded }).ToListAsync()).Charge);
    }

    [Fact]
    public async Task ModelsLab_reports_no_charge_so_Charge_is_null()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.ModelsLab);

        var task = await bed.Client.WaitForCompletionAsync((await bed.Client.SubmitAsync(bed.Request())).Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Null(task.Charge);
    }

    [Fact]
    public async Task A_task_still_running_has_no_charge_yet_on_Kling()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Kling);

        var submitted = await bed.Client.SubmitAsync(bed.Request());

        Assert.Null(submitted.Charge);
        Assert.Null((await bed.Client.GetTaskAsync(submitted.Id)).Charge);
    }

    public static TheoryData<string, MotionControlCharge?> LegacyKlingCharges => new()
    {
        // A cash-balance account: no units, the balance deduction with its list price.
        { "\"final_unit_deduction\":\"0\",\"final_balance_deduction\":{\"quota\":\"2.5\",\"list_price\":\"3.2\"}", new MotionControlCharge { Amount = 2.5m, Unit = MotionControlCharge.Balance, ListPrice = 3.2m, Source = "final_balance_deduction" } },
        { "\"final_balance_deduction\":{\"quota\":1.25,\"list_price\":1.5}", new MotionControlCharge { Amount = 1.25m, Unit = MotionControlCharge.Balance, ListPrice = 1.5m, Source = "final_balance_deduction" } },
        { "\"final_balance_deduction\":{\"quota\":\"0.8\"}", new MotionControlCharge { Amount = 0.8m, Unit = MotionControlCharge.Balance, Source = "final_balance_deduction" } },

        // Units above zero win; a zero unit deduction with no balance one is still a (zero) charge.
        { "\"final_unit_deduction\":\"10\",\"final_balance_deduction\":{\"quota\":\"2.5\"}", new MotionControlCharge { Amount = 10m, Unit = MotionControlCharge.Units, Source = "final_unit_deduction" } },
        { "\"final_unit_deduction\":\"0\"", new MotionControlCharge { Amount = 0m, Unit = MotionControlCharge.Units, Source = "final_unit_deduction" } },
        { "\"final_unit_deduction\":\"0\",\"final_balance_deduction\":{\"quota\":\"n/a\"}", new MotionControlCharge { Amount = 0m, Unit = MotionControlCharge.Units, Source = "final_unit_deduction" } },
        { "\"final_balance_deduction\":null", null },
        { "\"created_at\":1", null },
    };

    [Theory]
    [MemberData(nameof(LegacyKlingCharges))]
    public async Task A_legacy_Kling_task_is_charged_in_units_or_else_from_the_cash_balance(string fields, MotionControlCharge? expected)
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Kling);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var reply = $$$"""{"code":0,"message":"SUCCEED","request_id":"r","data":{"task_id":"{{{submitted.Id}}}","task_status":"succeed","task_result":{"videos":[{"id":"v","url":"https://example.com/v.mp4","duration":"5"}]},{{{fields}}}}}""";
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(200, reply));

        var task = await bed.Client.GetTaskAsync(submitted.Id);

        Assert.Equal(expected, task.Charge);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
    }

    [Fact]
    public async Task The_typed_Kling_task_carries_final_balance_deduction()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Kling);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var reply = """{"code":0,"message":"SUCCEED","request_id":"r","data":{"task_id":"ID","task_status":"succeed","final_balance_deduction":{"quota":"2.5","list_price":3.2}}}""".Replace("ID", submitted.Id, StringComparison.Ordinal);
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.RawResponse(200, reply));

        var typed = await ((KlingClient)bed.Client).Api.GetMotionControlTaskAsync(submitted.Id);

        Assert.Equal(new KlingBalanceDeduction { Quota = "2.5", ListPrice = "3.2" }, typed.Data.FinalBalanceDeduction);
    }
}
