using MotionControl.Polling;

namespace MotionControl.Tests.Polling;

public class JobDurationEstimateTests
{
    [Fact]
    public void It_starts_at_five_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new JobDurationEstimate().Current);
    }

    [Fact]
    public void Each_job_moves_it_thirty_percent_of_the_way_to_its_own_length()
    {
        var estimate = new JobDurationEstimate();
        estimate.Record(TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.FromMinutes(8), estimate.Current);
        estimate.Record(TimeSpan.FromMinutes(8));
        Assert.Equal(TimeSpan.FromMinutes(8), estimate.Current);
        estimate.Record(TimeSpan.FromMinutes(-1));
        estimate.Record(TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMinutes(8), estimate.Current);
    }
}
