using System.Text.Json;
using MotionControl.Providers.AimlApi;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.AimlApi;

/// <summary>AIMLAPI's v3 motion-control model on the emulator: its mode is sent; the v2.6 model has none.</summary>
public sealed class AimlApiV3ModelTests
{
    [Theory]
    [InlineData(GenerationMode.Pro, "pro")]
    [InlineData(GenerationMode.Standard, "std")]
    public async Task A_v3_request_sends_its_mode_and_completes(GenerationMode mode, string wire)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.AimlApi, emulator);

        var task = await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.AimlApi) with { Model = AimlApiClient.KlingV3Model, Mode = mode });
        var done = await client.WaitForCompletionAsync(task.Id);

        var create = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        using var body = JsonDocument.Parse(create.Body);
        Assert.Equal(AimlApiClient.KlingV3Model, body.RootElement.GetProperty("model").GetString());
        Assert.Equal(wire, body.RootElement.GetProperty("mode").GetString());
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
    }

    [Fact]
    public async Task Without_a_mode_nothing_is_sent_for_it()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.AimlApi, emulator);

        await client.SubmitAsync(VendorTestBed.DefaultRequest(MotionControlProviders.AimlApi));

        using var body = JsonDocument.Parse(Assert.Single(emulator.Requests).Body);
        Assert.False(body.RootElement.TryGetProperty("mode", out _));
        Assert.Equal(AimlApiClient.DefaultModel, body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task The_emulator_refuses_a_mode_on_the_v2_6_model_sent_through_the_typed_api()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = (AimlApiClient)VendorTestBed.CreateClient(MotionControlProviders.AimlApi, emulator);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.Api.CreateVideoGenerationAsync(new AimlApiVideoGenerationRequest
        {
            ImageUrl = "https://example.com/character.png",
            VideoUrl = "https://example.com/dance.mp4",
            Mode = "pro",
        }));

        Assert.Contains("mode", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.CreatedTaskCount(MotionControlProviders.AimlApi));
    }
}
