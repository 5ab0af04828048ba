using MotionControl.Providers.AimlApi;

namespace MotionControl.Tests.Providers.AimlApi;

public sealed class AimlApiContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.AimlApi;

    private protected override string FailedStatusWord => "error";

    private protected override (string Field, string Value) MappedFieldOverride => ("character_orientation", "image");

    private protected override (string Id, string? VendorCode) UnknownTask => ("NVOeetazzu2Xlca6ghTMx", "404");

    private protected override void AssertNotFoundDetails(MotionControlTaskNotFoundException error) =>
        Assert.Contains("not found", error.VendorMessage, StringComparison.Ordinal);

    /// <summary>AIMLAPI's own generation: queued, no video yet; the typed request sends the default model and no orientation unless set.</summary>
    private protected override async Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed)
    {
        var api = bed.Api<IAimlApi>();

        var created = await api.CreateVideoGenerationAsync(new AimlApiVideoGenerationRequest
        {
            ImageUrl = "https://example.com/character.png",
            VideoUrl = "https://example.com/dance.mp4",
            KeepAudio = true,
        });
        var fetched = await api.GetVideoGenerationAsync(created.Id!);

        Assert.Equal("queued", created.Status);
        Assert.Null(fetched.Video);
        var body = bed.CreateBody();
        Assert.Equal("klingai/video-v2-6-pro-motion-control", body.GetProperty("model").GetString());
        Assert.False(body.TryGetProperty("character_orientation", out _));
        return (created.Id!, fetched.Id!);
    }
}
