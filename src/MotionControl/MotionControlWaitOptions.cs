namespace MotionControl;

/// <summary>How a wait polls: first interval, back-off, cap, jitter, overall deadline and a progress sink.</summary>
/// <remarks>
/// The interval starts at <see cref="PollInterval"/>, grows by <see cref="BackoffFactor"/> after each poll that shows no
/// change, up to <see cref="MaxPollInterval"/>. A vendor hint (ModelsLab <c>eta</c>, Vydra <c>progress</c>, <c>Retry-After</c>)
/// takes precedence within those bounds. The deadline covers the request in flight.
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
    /// The longest single sleep a vendor hint (ModelsLab <c>eta</c>, Vydra <c>progress</c>) can buy, past
    /// <see cref="MaxPollInterval"/>. Default 60 s; a value below <see cref="MaxPollInterval"/> acts as <see cref="MaxPollInterval"/>,
    /// so setting both equal turns hint stretching off.
    /// </summary>
    public TimeSpan MaxHintedPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much the interval grows after each poll. Default 1.5; must be at least 1.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>Random spread applied to each interval, as a fraction (0.1 = ±10 %). Default 0.1; 0 disables it; at most 1.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>The overall deadline of the wait, including the request in flight. Default 30 min; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Receives the task each time its status or progress changes.</summary>
    public IProgress<MotionControlTask>? Progress { get; init; }
}
