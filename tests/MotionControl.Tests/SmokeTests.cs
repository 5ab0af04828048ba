namespace MotionControl.Tests;

public class MotionControlTaskTests
{
    [Fact]
    public void IsTerminal_is_true_only_for_succeeded_failed_and_canceled()
    {
        static MotionControlTask Make(MotionControlTaskStatus s) => new() { Id = "1", ProviderName = "kling", Status = s };
        Assert.False(Make(MotionControlTaskStatus.Queued).IsTerminal);
        Assert.False(Make(MotionControlTaskStatus.Processing).IsTerminal);
        Assert.True(Make(MotionControlTaskStatus.Succeeded).IsTerminal);
        Assert.True(Make(MotionControlTaskStatus.Failed).IsTerminal);
        Assert.True(Make(MotionControlTaskStatus.Canceled).IsTerminal);
    }
}
