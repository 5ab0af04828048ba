namespace MotionControl;

/// <summary>How a wait polls: first interval, back-off, cap, jitter, overall deadline and a progress sink.</summary>
/// <remarks>
/// The interval starts at <see cref="PollInterval"/> and grows by <see cref="BackoffFactor"/> after each poll, up to
/// <see cref="MaxPollInterval"/>. A vendor hint (ModelsLab <c>eta</c>, Vydra <c>progress</c>) or the job's
/// <see cref="ExpectedDuration"/> may stretch a sleep up to <see cref="MaxHintedPollInterval"/>, and a <c>Retry-After</c> is
/// always honoured. The deadline covers the request in flight.
/// </remarks>
public sealed record MotionControlWaitOptions
{
    /// <summary>The shared defaults: 2 s first interval, ×1.5 back-off, 10 s cap, 10 % jitter, 30 min deadline.</summary>
    public static MotionControlWaitOptions Default { get; } = new();

    /// <summary>The first interval between polls. Default 2 s; must be positive.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest interval between polls. Default 10 s; must be at least <see cref="PollInterval"/>.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest single sleep a vendor hint (ModelsLab <c>eta</c>, Vydra <c>progress</c>) or the
    /// <see cref="ExpectedDuration"/> can buy, past <see cref="MaxPollInterval"/>. Default 60 s; a value below
    /// <see cref="MaxPollInterval"/> acts as <see cref="MaxPollInterval"/>, so setting both equal turns stretching off.
    /// </summary>
    public TimeSpan MaxHintedPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much the interval grows after each poll. Default 1.5; must be at least 1.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>Random spread applied to each interval, as a fraction (0.1 = ±10 %). Default 0.1; 0 disables it; at most 1.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>
    /// How long the job is expected to take, counted from its creation. Until then, when the vendor gives no hint, each
    /// sleep may grow past <see cref="MaxPollInterval"/>: to at most the job's age so far (so a job that ends early is
    /// seen at worst twice as late as it ended), at most <see cref="MaxHintedPollInterval"/>, and never past the expected
    /// end. After it, polls come every <see cref="MaxPollInterval"/> at most.
    /// </summary>
    /// <remarks>
    /// <see langword="null"/> (the default) uses the client's own estimate: 5 minutes at first (the vendors document
    /// 2–5 minutes), then moved towards the length of each job the client sees succeed. <see cref="TimeSpan.Zero"/>
    /// turns the expectation off, so only <see cref="MaxPollInterval"/> and vendor hints shape the sleeps.
    /// </remarks>
    public TimeSpan? ExpectedDuration { get; init; }

    /// <summary>
    /// The overall deadline of the wait, including the request in flight: a timer on the client's
    /// <see cref="TimeProvider"/>, at most about 49.7 days. A sleep that would pass it is cut short, so the task is read
    /// once more just before the wait gives up. Default 30 min; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The shortest sleep between polls of a task this client submitted with a callback URL: the callback ends the wait
    /// (<see cref="MotionControlClient.ReportTaskUpdate"/>), so polling is only the fallback for a callback that never
    /// comes. Default 2 minutes; <see cref="TimeSpan.Zero"/> polls as if there were no callback. The deadline's last look
    /// still happens.
    /// </summary>
    public TimeSpan CallbackPollInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Receives the task each time its status or progress changes.</summary>
    public IProgress<MotionControlTask>? Progress { get; init; }
}
