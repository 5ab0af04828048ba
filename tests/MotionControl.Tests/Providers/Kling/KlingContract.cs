using MotionControl.Providers.Kling;

namespace MotionControl.Tests.Providers.Kling;

public sealed class KlingContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.Kling;

    private protected override IReadOnlyList<string> KeySettings => ["ApiKey", "AccessKey", "SecretKey"];

    private protected override string FailedStatusWord => "failed";

    private protected override (string Field, string Value) MappedFieldOverride => ("mode", "pro");

    private protected override (string Id, string? VendorCode) UnknownTask => ("no-such-task", "1201");

    private protected override void AssertNotFoundDetails(MotionControlTaskNotFoundException error)
    {
        Assert.True(Guid.TryParse(error.RequestId, out _), error.RequestId);
        Assert.Contains("no-such-task", error.VendorMessage, StringComparison.Ordinal);
    }

    private protected override void BlankKeys(MotionControlClientOptions options, string? blank)
    {
        var kling = (KlingOptions)options;
        kling.ApiKey = blank;
        kling.AccessKey = blank;
        kling.SecretKey = blank;
    }

    private protected override Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed) =>
        KlingFamilyTypedApi.CreateAndReadAsync(bed.Api<IKlingApi>().CreateMotionControlTaskAsync, bed.Api<IKlingApi>().GetMotionControlTaskAsync, KlingClient.DefaultModel);
}
