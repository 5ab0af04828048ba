namespace MotionControl.DependencyInjection;

/// <summary>
/// Settings shared by every provider registered with <c>AddMotionControl</c>, applied before each provider's own settings
/// (which win). Bound from the <c>MotionControl</c> configuration section's top-level keys.
/// </summary>
public sealed class MotionControlDefaults
{
    /// <summary>The provider resolved as the unkeyed <see cref="IMotionControlClient"/>. Default: the first provider added.</summary>
    public string? DefaultProvider { get; set; }

    /// <summary>The wait settings every provider starts from (<see cref="MotionControlClientOptions.WaitOptions"/>).</summary>
    public MotionControlWaitOptions WaitOptions { get; set; } = MotionControlWaitOptions.Default;

    /// <summary>Per-attempt HTTP timeout for every provider; <see langword="null"/> keeps each provider's default (60 s).</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>Read retries for every provider; <see langword="null"/> keeps each provider's default (3).</summary>
    public int? MaxRetryAttempts { get; set; }

    /// <summary>First retry delay for every provider; <see langword="null"/> keeps each provider's default (1 s).</summary>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>Longest retry delay for every provider; <see langword="null"/> keeps each provider's default (30 s).</summary>
    public TimeSpan? RetryMaxDelay { get; set; }

    internal void ApplyTo(MotionControlClientOptions options)
    {
        options.WaitOptions = WaitOptions;
        options.RequestTimeout = RequestTimeout ?? options.RequestTimeout;
        options.MaxRetryAttempts = MaxRetryAttempts ?? options.MaxRetryAttempts;
        options.RetryBaseDelay = RetryBaseDelay ?? options.RetryBaseDelay;
        options.RetryMaxDelay = RetryMaxDelay ?? options.RetryMaxDelay;
    }
}
