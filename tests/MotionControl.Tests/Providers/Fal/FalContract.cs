using MotionControl.Providers.Fal;

namespace MotionControl.Tests.Providers.Fal;

public sealed class FalContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.Fal;

    /// <summary>fal's queue status of a failed request is still <c>COMPLETED</c>: its result says it failed.</summary>
    private protected override string FailedStatusWord => "COMPLETED";

    private protected override (string Field, string Value) MappedFieldOverride => ("character_orientation", "image");

    private protected override (string Id, string? VendorCode) UnknownTask => ("00000000-0000-0000-0000-000000000000", null);

    /// <summary>fal's own shapes: a queued request with its URLs under the app id, read back as its queue status.</summary>
    private protected override async Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed)
    {
        var api = bed.Api<IFalApi>();

        var created = await api.SubmitAsync(FalModels.KlingV26Standard, new FalMotionControlInput
        {
            ImageUrl = "https://example.com/character.png",
            VideoUrl = "https://example.com/dance.mp4",
            CharacterOrientation = "video",
        });
        var status = await api.GetStatusAsync(created.RequestId!);

        Assert.Equal("IN_QUEUE", created.Status);
        Assert.EndsWith($"/fal-ai/kling-video/requests/{created.RequestId}/status", created.StatusUrl, StringComparison.Ordinal);
        Assert.EndsWith($"/fal-ai/kling-video/requests/{created.RequestId}", created.ResponseUrl, StringComparison.Ordinal);
        Assert.EndsWith($"/fal-ai/kling-video/requests/{created.RequestId}/cancel", created.CancelUrl, StringComparison.Ordinal);
        return (created.RequestId!, status.RequestId!);
    }
}
