using MotionControl.Testing;

namespace MotionControl.Tests.Pricing;

/// <summary>An account whose balance is spent (the emulator's <see cref="MotionControlEmulatorOptions.StartingBalances"/>), through the neutral client.</summary>
public sealed class SpentBalanceTests
{
    public static TheoryData<string> Vendors => new(MotionControlProviders.All.Where(EmulatorProviders.All.Contains));

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task A_submit_on_a_spent_account_is_insufficient_credits_and_creates_nothing(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { [provider] = 0 } });
        using var client = VendorTestBed.CreateClient(provider, emulator);

        var refused = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(provider)));

        Assert.False(refused.IsTransient);
        Assert.Equal(provider, refused.ProviderName);
        Assert.Equal(0, emulator.CreatedTaskCount(provider));
        Assert.Equal(1, emulator.CallCount(provider, EmulatorOperation.Create));
    }

    [Fact]
    public async Task The_job_after_the_last_one_the_balance_paid_for_is_refused_and_the_balance_reads_zero()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new() { StartingBalances = new Dictionary<string, decimal> { [EmulatorProviders.Vydra] = 80 } });
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);

        for (var i = 0; i < 2; i++)
        {
            var task = await client.WaitForCompletionAsync((await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Vydra))).Id, VendorTestBed.FastWait);
            Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        }

        await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.Vydra)));
        Assert.Equal(0m, (await client.GetBalanceAsync()).Amount);
        Assert.Equal(2, emulator.CreatedTaskCount(EmulatorProviders.Vydra));
    }
}
