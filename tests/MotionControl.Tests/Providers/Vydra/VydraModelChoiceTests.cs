using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.Vydra;

public class VydraModelChoiceTests
{
    [Fact]
    public async Task A_model_override_is_refused_because_vydras_route_fixes_the_model()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var vydra = VendorTestBed.CreateClient(MotionControlProviders.Vydra, emulator);

        var error = await Assert.ThrowsAsync<MotionControlValidationException>(
            () => vydra.SubmitAsync(VendorTestBed.DefaultRequest(vydra.ProviderName) with { Model = "kling-v3" }));

        var rule = Assert.Single(error.Errors);
        Assert.Equal((MotionControlRules.OptionUnsupported, "Model"), (rule.Code, rule.Field));
        Assert.Contains("Vydra", rule.Message);
        Assert.Empty(emulator.Requests);
    }
}
