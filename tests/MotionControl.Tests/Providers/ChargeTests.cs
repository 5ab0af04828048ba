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
}
