using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>
/// A create names no task, so a bare 404 on it (no Kling envelope: a wrong route or gateway) is a rejected request, as
/// for every other vendor, never "task not found"; nothing was created, so nothing is recovered or re-sent.
/// </summary>
public class KlingFamilyCreateNotFoundTests
{
    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.PowerTokens)]
    public async Task A_bare_404_on_a_create_is_a_rejected_request(string provider)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(provider, EmulatorOperation.Create, EmulatorFault.RawResponse(404, "<html>Not Found</html>", "text/html"), FaultSchedule.EveryCall);
        using var client = VendorTestBed.CreateClient(provider, emulator);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(VendorTestBed.DefaultRequest(provider)));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, emulator.CallCount(provider, EmulatorOperation.Create));
        Assert.Equal(0, emulator.CreatedTaskCount(provider));
    }
}
