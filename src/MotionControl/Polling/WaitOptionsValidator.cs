namespace MotionControl.Polling;

/// <summary>Checks <see cref="MotionControlWaitOptions"/> before a wait starts, naming the setting that is wrong.</summary>
internal static class WaitOptionsValidator
{
    /// <summary>The longest deadline a timer takes (<c>uint.MaxValue - 1</c> milliseconds, about 49.7 days).</summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    public static IEnumerable<string> Errors(MotionControlWaitOptions options)
    {
        if (options.PollInterval <= TimeSpan.Zero)
        {
            yield return $"PollInterval must be positive (it is {options.PollInterval}).";
        }

        if (options.MaxPollInterval < options.PollInterval)
        {
            yield return $"MaxPollInterval ({options.MaxPollInterval}) must be at least PollInterval ({options.PollInterval}).";
        }

        if (options.MaxHintedPollInterval <= TimeSpan.Zero)
        {
            yield return $"MaxHintedPollInterval must be positive (it is {options.MaxHintedPollInterval}).";
        }

        if (!(options.BackoffFactor >= 1) || double.IsInfinity(options.BackoffFactor))
        {
            yield return $"BackoffFactor must be at least 1 (it is {options.BackoffFactor}).";
        }

        if (!(options.Jitter is >= 0 and <= 1))
        {
            yield return $"Jitter must be between 0 and 1 (it is {options.Jitter}).";
        }

        if (options.ExpectedDuration < TimeSpan.Zero)
        {
            yield return $"ExpectedDuration must be zero (no expectation), positive, or null (the client's estimate) (it is {options.ExpectedDuration}).";
        }

        if (options.CallbackPollInterval < TimeSpan.Zero)
        {
            yield return $"CallbackPollInterval must be zero (poll as without a callback) or positive (it is {options.CallbackPollInterval}).";
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            yield return $"Timeout must be positive or Timeout.InfiniteTimeSpan (it is {options.Timeout}).";
        }
        else if (options.Timeout > LongestTimeout)
        {
            yield return $"Timeout must be at most {LongestTimeout.TotalDays:0.#} days, the longest timer .NET has, or Timeout.InfiniteTimeSpan (it is {options.Timeout}).";
        }
    }

    public static void ThrowIfInvalid(MotionControlWaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid wait options: " + string.Join(" ", errors), nameof(options));
        }
    }
}
