using MotionControl.Providers.ModelsLab;

namespace MotionControl.Tests.Providers.ModelsLab;

public sealed class ModelsLabContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.ModelsLab;

    private protected override string FailedStatusWord => "error";

    private protected override (string Field, string Value) MappedFieldOverride => ("prompt", "overridden");

    /// <summary>ModelsLab has no error codes; its ids are digits.</summary>
    private protected override (string Id, string? VendorCode) UnknownTask => ("999", null);

    /// <summary>ModelsLab's own reply: processing with an eta and a fetch URL ending in the id; the key travels in the body, never in the reply's text.</summary>
    private protected override async Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed)
    {
        var api = bed.Api<IModelsLabApi>();
        var key = bed.Emulator.Credentials.ModelsLabApiKey;

        var created = await api.CreateMotionControlTaskAsync(new ModelsLabMotionControlRequest
        {
            InitImage = "https://example.com/character.png",
            InitVideo = "https://example.com/dance.mp4",
            Prompt = "wave",
            CharacterOrientation = "video",
            TrackId = "t-1",
        });
        var fetched = await api.FetchMotionControlTaskAsync(created.Id!);

        Assert.Equal("processing", created.Status);
        Assert.Equal("t-1", created.TrackId);
        Assert.NotNull(created.Eta);
        Assert.EndsWith("/" + created.Id, created.FetchResult, StringComparison.Ordinal);
        var body = bed.CreateBody();
        Assert.Equal(key, body.GetProperty("key").GetString());
        Assert.Equal("kling-motion-control", body.GetProperty("model_id").GetString());
        Assert.DoesNotContain(key, created.ToString(), StringComparison.Ordinal);
        return (created.Id!, fetched.Id!);
    }
}
