using System.Text.Json;
using MotionControl.Providers.Replicate;

namespace MotionControl.Tests.Providers.Replicate;

public sealed class ReplicateContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.Replicate;

    private protected override string FailedStatusWord => "failed";

    private protected override (string Field, string Value) MappedFieldOverride => ("character_orientation", "image");

    private protected override (string Id, string? VendorCode) UnknownTask => ("gm3qorzdhgbfurvjtvhg6dckhu", null);

    private protected override JsonElement MappedFields(JsonElement body) => body.GetProperty("input");

    /// <summary>Replicate's own shapes: a <c>starting</c> prediction with its urls, read back by id.</summary>
    private protected override async Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed)
    {
        var api = bed.Api<IReplicateApi>();

        var created = await api.CreatePredictionAsync(ReplicateClient.KlingV26Model, ReplicateClientTests.TypedRequest);
        var read = await api.GetPredictionAsync(created.Id!);

        Assert.Equal("starting", created.Status);
        Assert.Equal("kwaivgi/kling-v2.6-motion-control", created.Model);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"v1/predictions/{created.Id}").AbsoluteUri, created.Urls?.Get);
        Assert.Equal(created.Urls?.Get + "/cancel", created.Urls?.Cancel);
        return (created.Id!, read.Id!);
    }
}
