using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.Submission;

/// <summary><see cref="IMotionControlClient.CancelAsync"/> over real HTTP against the emulator.</summary>
public sealed class CancelTests
{
    public static TheoryData<string> VendorsThatCannotCancel => new(
        MotionControlProviders.Kling, MotionControlProviders.PowerTokens, MotionControlProviders.ModelsLab, MotionControlProviders.AimlApi);

    [Fact]
    public async Task A_running_Vydra_job_is_canceled_with_one_DELETE_and_a_later_wait_ends_canceled()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(bed.Request());

        var canceled = await bed.Client.CancelAsync(submitted.Id);
        var waited = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait));

        Assert.True(bed.Client.Capabilities.SupportsCancel);
        Assert.Equal(submitted.Id, canceled.Id);
        Assert.Equal(MotionControlTaskStatus.Canceled, canceled.Status);
        Assert.Equal("cancelled", canceled.VendorStatus);
        Assert.True(canceled.IsTerminal);
        Assert.NotNull(canceled.Raw);
        Assert.Equal(MotionControlTaskStatus.Canceled, waited.Task.Status);
        var delete = Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal($"/api/v1/jobs/{submitted.Id}", delete.Path);
        Assert.Contains(bed.Logs.GetSnapshot(), r => r.Id.Id == 1202 && r.Message.Contains(submitted.Id, StringComparison.Ordinal) && r.Message.Contains("Canceled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_over_a_job_canceled_elsewhere_ends_with_Canceled()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        using var other = bed.NewClient();
        var seen = new TaskCompletionSource();
        var wait = bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait with { Progress = new Progress<MotionControlTask>(_ => seen.TrySetResult()) });

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await ((VydraClient)other).Api.CancelJobAsync(submitted.Id);
        var ended = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => wait);

        Assert.Equal(MotionControlTaskStatus.Canceled, ended.Task.Status);
        Assert.Equal(submitted.Id, ended.Task.Id);
    }

    [Fact]
    public async Task Canceling_a_Vydra_job_that_has_ended_returns_it_as_it_ended()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle());
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var done = await bed.Client.WaitForCompletionAsync(submitted.Id, VendorTestBed.FastWait);
        var readsBefore = bed.Calls(EmulatorOperation.Get).Count;

        var after = await bed.Client.CancelAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(MotionControlTaskStatus.Succeeded, after.Status);
        Assert.Equal(done.Videos.Single().Url, after.Videos.Single().Url);
        Assert.Single(bed.Calls(EmulatorOperation.Cancel));
        Assert.Equal(readsBefore + 1, bed.Calls(EmulatorOperation.Get).Count);
    }

    [Fact]
    public async Task A_cancel_whose_first_attempt_meets_a_server_error_is_retried_like_a_read()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);
        bed.Emulator.EnqueueLifecycle(EmulatorProviders.Vydra, new TaskLifecycle().ProcessingForever());
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Cancel, EmulatorFault.ServerError(503));

        var canceled = await bed.Client.CancelAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Canceled, canceled.Status);
        Assert.Equal(2, bed.Calls(EmulatorOperation.Cancel).Count);
    }

    [Fact]
    public async Task Canceling_an_unknown_Vydra_job_is_task_not_found()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);

        var missing = await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => bed.Client.CancelAsync("job_missing"));

        Assert.Equal("job_missing", missing.TaskId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_task_id_is_refused_before_any_call(string? taskId)
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => bed.Client.CancelAsync(taskId!));

        Assert.Empty(bed.Calls(EmulatorOperation.Cancel));
    }

    [Theory]
    [MemberData(nameof(VendorsThatCannotCancel))]
    public async Task Vendors_without_a_cancel_endpoint_throw_NotSupported_naming_the_vendor_and_send_nothing(string provider)
    {
        await using var bed = await VendorTestBed.StartAsync(provider);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        var before = bed.Emulator.Requests.Count;

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => bed.Client.CancelAsync(submitted.Id));

        Assert.False(bed.Client.Capabilities.SupportsCancel);
        Assert.Contains(bed.Client.Capabilities.DisplayName, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, bed.Emulator.Requests.Count);
    }
}
