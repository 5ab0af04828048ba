using MotionControl.Testing;

namespace MotionControl.Tests.Emulator;

public class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Clock_starts_at_the_given_time_and_moves_only_when_advanced()
    {
        var clock = new ManualTimeProvider(Start);

        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
        Assert.Equal(ManualTimeProvider.DefaultStartTime, new ManualTimeProvider().GetUtcNow());
    }

    [Fact]
    public void Elapsed_time_from_timestamps_follows_the_manual_clock()
    {
        var clock = new ManualTimeProvider(Start);
        long before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(before));
    }

    [Fact]
    public void SetUtcNow_moves_forward_and_refuses_to_go_back()
    {
        var clock = new ManualTimeProvider(Start);

        clock.SetUtcNow(Start.AddHours(1));

        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public async Task Task_Delay_completes_only_when_the_clock_is_advanced_past_its_due_time()
    {
        var clock = new ManualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Task_Delay_with_a_token_is_cancelled_by_the_token_not_by_the_clock()
    {
        var clock = new ManualTimeProvider(Start);
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock, cts.Token);

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void CancellationTokenSource_with_the_manual_clock_cancels_when_advanced()
    {
        var clock = new ManualTimeProvider(Start);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(cts.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public void One_shot_timer_fires_once_with_the_clock_at_its_due_time()
    {
        var clock = new ManualTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([Start.AddSeconds(5)], firedAt);
        Assert.Equal(Start.AddMinutes(2), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timer_fires_once_per_period_crossed()
    {
        var clock = new ManualTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], firedAt);
    }

    [Fact]
    public void Timers_fire_in_due_time_order_and_pass_their_state()
    {
        var clock = new ManualTimeProvider(Start);
        var order = new List<string>();
        using var late = clock.CreateTimer(s => order.Add((string)s!), "late", TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(s => order.Add((string)s!), "early", TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["early", "late"], order);
    }

    [Fact]
    public void Change_reschedules_from_now_and_infinite_due_time_stops_the_timer()
    {
        var clock = new ManualTimeProvider(Start);
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Disposed_timer_never_fires_and_cannot_be_changed()
    {
        var clock = new ManualTimeProvider(Start);
        int fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void Timer_due_now_fires_at_once_on_the_calling_thread()
    {
        var clock = new ManualTimeProvider(Start);
        int fired = 0;

        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_callback_may_create_timers_that_fall_due_within_the_same_advance()
    {
        var clock = new ManualTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        ITimer? second = null;
        using var first = clock.CreateTimer(
            _ => second = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([Start.AddSeconds(3)], firedAt);
        second?.Dispose();
    }

    [Fact]
    public void Negative_timer_spans_are_rejected()
    {
        var clock = new ManualTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public async Task Concurrent_advances_fire_every_timer_exactly_once()
    {
        var clock = new ManualTimeProvider(Start);
        int fired = 0;
        var timers = Enumerable.Range(1, 500)
            .Select(i => clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMilliseconds(i), Timeout.InfiniteTimeSpan))
            .ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        })));

        Assert.Equal(500, fired);
        Assert.Equal(Start.AddMilliseconds(800), clock.GetUtcNow());
        timers.ForEach(t => t.Dispose());
    }
}
