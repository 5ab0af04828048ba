using MotionControl.Polling;

namespace MotionControl.Tests.Polling;

public class PollScheduleTests
{
    /// <summary>Where each test's clock starts; a <see cref="FakeTimeProvider"/> moves only when a test moves it.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly MotionControlWaitOptions NoJitter = MotionControlWaitOptions.Default with { Jitter = 0 };

    private static MotionControlTask Task(MotionControlTaskStatus status = MotionControlTaskStatus.Processing, int? progress = null, DateTimeOffset? eta = null) =>
        new() { Id = "t", ProviderName = "test", Status = status, Progress = progress, EstimatedCompletion = eta };

    [Fact]
    public void The_interval_starts_short_and_backs_off_by_the_factor_up_to_the_cap()
    {
        var schedule = new PollSchedule(NoJitter, new FakeTimeProvider(Start));
        var delays = Enumerable.Range(0, 7).Select(_ => schedule.Next(Task(), null).TotalSeconds).ToArray();
        Assert.Equal([2, 3, 4.5, 6.75, 10, 10, 10], delays);
    }

    [Fact]
    public void Jitter_spreads_each_interval_within_its_fraction()
    {
        var options = MotionControlWaitOptions.Default with { Jitter = 0.2, BackoffFactor = 1 };
        var delays = Enumerable.Range(0, 200).Select(_ => new PollSchedule(options, new FakeTimeProvider(Start)).Next(Task(), null).TotalSeconds).ToArray();
        Assert.All(delays, d => Assert.InRange(d, 1.6, 2.4));
        Assert.True(delays.Distinct().Count() > 10, "jitter should vary the delay");
    }

    [Fact]
    public void A_vendor_eta_moves_the_next_poll_to_just_after_the_predicted_finish()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new PollSchedule(NoJitter, clock);
        var delay = schedule.Next(Task(eta: clock.GetUtcNow().AddSeconds(40)), null);
        Assert.Equal(TimeSpan.FromSeconds(40.5), delay);
    }

    [Fact]
    public void A_hint_never_buys_a_sleep_longer_than_a_minute()
    {
        var clock = new FakeTimeProvider(Start);
        var delay = new PollSchedule(NoJitter, clock).Next(Task(eta: clock.GetUtcNow().AddMinutes(10)), null);
        Assert.Equal(TimeSpan.FromSeconds(60), delay);
    }

    [Fact]
    public void The_hinted_sleep_is_capped_by_its_option_and_never_below_the_poll_cap()
    {
        var clock = new FakeTimeProvider(Start);
        var eta = Task(eta: clock.GetUtcNow().AddMinutes(10));
        Assert.Equal(TimeSpan.FromSeconds(15), new PollSchedule(NoJitter with { MaxHintedPollInterval = TimeSpan.FromSeconds(15) }, clock).Next(eta, null));
        Assert.Equal(TimeSpan.FromSeconds(10), new PollSchedule(NoJitter with { MaxHintedPollInterval = TimeSpan.FromSeconds(1) }, clock).Next(eta, null));
    }

    [Fact]
    public void Progress_is_extrapolated_linearly_from_the_first_value_seen()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new PollSchedule(NoJitter, clock);
        schedule.Observe(Task(progress: 10));
        clock.Advance(TimeSpan.FromSeconds(40));
        var later = Task(progress: 50);
        schedule.Observe(later);

        // 40 points took 40 s, 50 points remain: 50 s, but never further ahead than the job's age (40 s).
        Assert.Equal(TimeSpan.FromSeconds(40.5), schedule.Next(later, null));

        clock.Advance(TimeSpan.FromSeconds(40));
        var nearly = Task(progress: 90);
        Assert.Equal(TimeSpan.FromSeconds(10.5), schedule.Next(nearly, null));
    }

    [Fact]
    public void Progress_that_moves_per_poll_cannot_stretch_a_sleep_beyond_the_jobs_age()
    {
        // A vendor whose progress rises one point per poll, however long the sleep: each longer sleep reads as slower
        // progress. Without the guard the sleep would jump to the one-minute cap after a few polls.
        var clock = new FakeTimeProvider(Start);
        var start = clock.GetUtcNow();
        var schedule = new PollSchedule(NoJitter, clock);

        // The same schedule seeing no progress at all: what the back-off alone would sleep at each step.
        var plain = new PollSchedule(NoJitter, clock);
        for (var progress = 1; progress < 12; progress++)
        {
            var task = Task(progress: progress);
            schedule.Observe(task);
            plain.Observe(Task());
            var observed = clock.GetUtcNow() - start;
            var delay = schedule.Next(task, null);
            var backoff = plain.Next(Task(), null);

            // Progress may shorten a sleep, or stretch it up to the job's age so far (plus the margin), never further.
            var bound = observed + PollSchedule.HintMargin > backoff ? observed + PollSchedule.HintMargin : backoff;
            Assert.True(delay <= bound, $"slept {delay} after observing {observed} (age bound {observed + PollSchedule.HintMargin}, back-off alone {backoff})");
            clock.Advance(delay);
        }
    }

    [Fact]
    public void A_retry_after_from_a_rate_limited_poll_is_honoured()
    {
        var schedule = new PollSchedule(NoJitter, new FakeTimeProvider(Start));
        var delay = schedule.Next(null, new MotionControlRateLimitedException("slow down") { RetryAfter = TimeSpan.FromSeconds(30) });
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    /// <summary>Runs the schedule against a job that finishes at <paramref name="jobLength"/>, returning polls and detection delay.</summary>
    private static (int Polls, TimeSpan Delay) Simulate(TimeSpan jobLength, Func<TimeSpan, MotionControlTask> seen, MotionControlWaitOptions options, TimeSpan? expected = null)
    {
        var clock = new FakeTimeProvider(Start);
        var start = clock.GetUtcNow();
        var schedule = new PollSchedule(options, clock, expected);
        var polls = 0;
        while (true)
        {
            polls++;
            var elapsed = clock.GetUtcNow() - start;
            if (elapsed >= jobLength)
            {
                return (polls, elapsed - jobLength);
            }

            var task = seen(elapsed);
            schedule.Observe(task);
            clock.Advance(schedule.Next(task, null));
        }
    }

    [Fact]
    public void A_five_minute_job_with_an_eta_is_seen_within_10_s_in_at_most_12_polls()
    {
        var job = TimeSpan.FromMinutes(5);
        var (polls, delay) = Simulate(job, elapsed => Task(eta: Start + job), NoJitter);
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_five_minute_job_with_progress_is_seen_within_10_s_in_at_most_12_polls()
    {
        var job = TimeSpan.FromMinutes(5);
        var (polls, delay) = Simulate(job, elapsed => Task(progress: (int)(100 * elapsed.TotalSeconds / job.TotalSeconds)), MotionControlWaitOptions.Default);
        Assert.InRange(polls, 1, 12);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Without_hints_or_expectation_the_detection_delay_stays_within_the_cap()
    {
        var job = TimeSpan.FromMinutes(5);
        var (polls, delay) = Simulate(job, _ => Task(), MotionControlWaitOptions.Default);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(11)); // the 10 s cap plus at most 10 % jitter
        Assert.InRange(polls, 25, 40); // the price of no hint: about one poll per 10 s (docs/waiting-and-retries.md)
    }

    public static TheoryData<int> JobSeconds => new() { 20, 45, 90, 150, 240, 300, 310, 420, 900 };

    [Theory]
    [MemberData(nameof(JobSeconds))]
    public void With_a_5_minute_expectation_no_job_is_seen_later_than_its_own_age_or_a_minute_or_the_cap_after_the_expected_end(int seconds)
    {
        var job = TimeSpan.FromSeconds(seconds);
        var expected = TimeSpan.FromMinutes(5);
        for (var trial = 0; trial < 50; trial++)
        {
            var (polls, delay) = Simulate(job, _ => Task(), MotionControlWaitOptions.Default, expected);
            var bound = job < expected ? TimeSpan.FromSeconds(Math.Min(job.TotalSeconds * 1.1, 66)) : TimeSpan.FromSeconds(11);
            Assert.InRange(delay, TimeSpan.Zero, bound);
            if (job == expected)
            {
                Assert.InRange(polls, 1, 12);
            }
        }
    }

    [Fact]
    public void An_expectation_stretches_sleeps_to_the_jobs_age_and_lands_just_after_the_expected_end()
    {
        var clock = new FakeTimeProvider(Start);
        var start = clock.GetUtcNow();
        var schedule = new PollSchedule(NoJitter, clock, TimeSpan.FromMinutes(5));
        var polls = new List<double>();
        while (clock.GetUtcNow() - start < TimeSpan.FromMinutes(5))
        {
            clock.Advance(schedule.Next(Task(), null));
            polls.Add((clock.GetUtcNow() - start).TotalSeconds);
        }

        Assert.Equal([2, 5, 10, 20, 40, 80, 140, 200, 260, 300.5], polls);
        Assert.Equal(TimeSpan.FromSeconds(10), schedule.Next(Task(), null)); // past the expected end: the cap rules again
    }

    [Fact]
    public void A_zero_expectation_is_no_expectation()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new PollSchedule(NoJitter, clock, TimeSpan.Zero);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.Next(Task(), null));
    }

    [Fact]
    public void The_vendors_creation_time_sets_the_jobs_age()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new PollSchedule(NoJitter, clock, TimeSpan.FromMinutes(5));
        var task = Task() with { CreatedAt = clock.GetUtcNow().AddSeconds(-270) };
        schedule.Observe(task);
        Assert.Equal(clock.GetUtcNow().AddSeconds(-270), schedule.Origin);
        Assert.Equal(TimeSpan.FromSeconds(30.5), schedule.Next(task, null)); // 30 s to the expected end
    }

    [Theory]
    [InlineData(30)]        // in the future: a clock ahead of ours
    [InlineData(-90_000)]   // more than a day back
    public void An_unbelievable_creation_time_is_ignored(int offsetSeconds)
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new PollSchedule(NoJitter, clock, TimeSpan.FromMinutes(5));
        schedule.Observe(Task() with { CreatedAt = clock.GetUtcNow().AddSeconds(offsetSeconds) });
        Assert.Equal(clock.GetUtcNow(), schedule.Origin);
    }

    [Fact]
    public void The_observed_duration_is_halfway_between_the_last_running_poll_and_the_first_finished_one()
    {
        var clock = new FakeTimeProvider(Start);
        var start = clock.GetUtcNow();
        var schedule = new PollSchedule(NoJitter, clock);
        schedule.Observe(Task());
        Assert.Null(schedule.ObservedDuration);
        clock.SetUtcNow(start.AddSeconds(100));
        schedule.Observe(Task());
        clock.SetUtcNow(start.AddSeconds(110));
        schedule.Observe(Task(MotionControlTaskStatus.Succeeded));
        clock.SetUtcNow(start.AddSeconds(500));
        schedule.Observe(Task(MotionControlTaskStatus.Succeeded));
        Assert.Equal(TimeSpan.FromSeconds(105), schedule.ObservedDuration);
    }

    [Fact]
    public void A_task_already_finished_at_the_first_poll_teaches_nothing()
    {
        var schedule = new PollSchedule(NoJitter, new FakeTimeProvider(Start));
        schedule.Observe(Task(MotionControlTaskStatus.Succeeded));
        Assert.Null(schedule.ObservedDuration);
    }
}
