using MotionControl.Providers.PowerTokens;
using MotionControl.Tests.Providers.Kling;

namespace MotionControl.Tests.Providers.PowerTokens;

public sealed class PowerTokensContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.PowerTokens;

    private protected override string FailedStatusWord => "failed";

    private protected override (string Field, string Value) MappedFieldOverride => ("mode", "pro");

    private protected override (string Id, string? VendorCode) UnknownTask => ("pt_missing", "task_not_exist");

    /// <summary>The gateway's own words, with the request id it appended split off.</summary>
    private protected override void AssertNotFoundDetails(MotionControlTaskNotFoundException error)
    {
        Assert.Equal("Task not found: pt_missing", error.VendorMessage);
        Assert.True(Guid.TryParse(error.RequestId, out _), error.RequestId);
    }

    private protected override Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed) =>
        KlingFamilyTypedApi.CreateAndReadAsync(bed.Api<IPowerTokensApi>().CreateMotionControlTaskAsync, bed.Api<IPowerTokensApi>().GetMotionControlTaskAsync, PowerTokensClient.DefaultModel);
}
