using MotionControl.Providers.Vydra;

namespace MotionControl.Tests.Providers.Vydra;

public sealed class VydraContract : VendorContractTests
{
    protected override string Provider => MotionControlProviders.Vydra;

    private protected override string FailedStatusWord => "failed";

    private protected override (string Field, string Value) MappedFieldOverride => ("character_orientation", "image");

    private protected override (string Id, string? VendorCode) UnknownTask => ("00000000-0000-0000-0000-000000000000", "JOB_NOT_FOUND");

    /// <summary>Vydra's own shapes: a pending job with the credits it charged, read back as a job.</summary>
    private protected override async Task<(string CreatedId, string ReadId)> CreateAndReadThroughTypedApiAsync(VendorTestBed bed)
    {
        var api = bed.Api<IVydraApi>();

        var created = await api.CreateMotionControlJobAsync(VydraClientTests.TypedRequest);
        var job = await api.GetJobAsync(created.JobId!);

        Assert.Equal("pending", created.Status);
        Assert.Equal(40, created.CreditsCharged);
        return (created.JobId!, job.Id!);
    }
}
