using MotionControl.Providers.Kling;
using MotionControl.Providers.PowerTokens;
using MotionControl.Testing;
using MotionControl.Tests.Providers.Kling;

namespace MotionControl.Tests.Providers.PowerTokens;

public sealed class PowerTokensSubmissionTests : KlingFamilySubmissionTests
{
    private protected override string Provider => EmulatorProviders.PowerTokens;

    private protected override string ExpectedDefaultModel => "kling-v3";

    private protected override Task<KlingResponse<KlingTask>> ReadByExternalIdAsync(VendorTestBed bed, string externalTaskId) =>
        ((PowerTokensClient)bed.Client).Api.GetMotionControlTaskByExternalIdAsync(externalTaskId);

    [Fact]
    public async Task PowerTokens_offers_kling_v3_only_and_has_no_list()
    {
        await using var bed = await StartAsync();

        Assert.Equal(["kling-v3"], bed.Client.Capabilities.Models);
        Assert.False(bed.Client.Capabilities.SupportsList);
        Assert.Throws<NotSupportedException>(() => bed.Client.ListTasksAsync());
    }

    [Fact]
    public async Task The_create_goes_to_the_kling_path_under_the_gateway_with_the_bearer_key()
    {
        await using var bed = await StartAsync();
        var task = await bed.Client.SubmitAsync(bed.Request());
        await bed.Client.GetTaskAsync(task.Id);

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("/kling/v1/videos/motion-control", create.Path);
        Assert.Equal("Bearer " + bed.Emulator.Credentials.PowerTokensApiKey, create.Headers["Authorization"]);
        var get = Assert.Single(bed.Calls(EmulatorOperation.Get));
        Assert.Equal("/kling/v1/videos/motion-control/" + task.Id, get.Path);
        Assert.Equal("Bearer " + bed.Emulator.Credentials.PowerTokensApiKey, get.Headers["Authorization"]);
    }

    [Fact]
    public async Task PowerTokens_public_task_ids_are_used_as_given()
    {
        await using var bed = await StartAsync();
        var task = await bed.Client.SubmitAsync(bed.Request());

        Assert.Matches("^[A-Za-z0-9_-]{1,200}$", task.Id);
        Assert.Equal(task.Id, (await bed.Client.GetTaskAsync(task.Id)).Id);
    }
}
