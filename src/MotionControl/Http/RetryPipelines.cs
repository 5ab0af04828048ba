using MotionControl.Diagnostics;
using Polly;
using Polly.Retry;

namespace MotionControl.Http;

/// <summary>
/// The two retry policies of every vendor call, built once per client on Polly v8.
/// Reads retry any transient failure with exponential back-off, jitter and the vendor's <c>Retry-After</c>.
/// Creates retry only what provably never reached the vendor, or was refused before it was accepted (an expired token).
/// </summary>
internal static class RetryPipelines
{
    public const string OperationKey = "mc.operation";

    public static readonly ResiliencePropertyKey<string> Operation = new(OperationKey);

    public static ResiliencePipeline ForReads(VendorTransportSettings settings) =>
        Build(settings, settings.MaxRetryAttempts, static ex => ex.IsTransient);

    public static ResiliencePipeline ForCreates(VendorTransportSettings settings) =>
        // Two attempts at most for what is safe: a connection that was never made, or a token the vendor refused.
        Build(settings, Math.Min(settings.MaxRetryAttempts, 2), IsSafeToResend);

    /// <summary>True when the vendor provably did not accept the create: it never left this machine, or it was refused for an expired token.</summary>
    public static bool IsSafeToResend(MotionControlException ex) => ex switch
    {
        MotionControlConnectionException { RequestSent: false } => true,
        MotionControlAuthenticationException { IsTransient: true } => true,
        _ => false,
    };

    private static ResiliencePipeline Build(VendorTransportSettings settings, int attempts, Func<MotionControlException, bool> shouldRetry)
    {
        if (attempts <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        var options = new RetryStrategyOptions
        {
            MaxRetryAttempts = attempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.RetryBaseDelay,
            MaxDelay = settings.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is MotionControlException ex && shouldRetry(ex)),
            DelayGenerator = args =>
            {
                // The vendor's own hint wins over the computed back-off, capped by the configured maximum.
                var hint = (args.Outcome.Exception as MotionControlException)?.RetryAfter;
                return ValueTask.FromResult(hint is { } h ? (TimeSpan?)(h > settings.RetryMaxDelay ? settings.RetryMaxDelay : h) : null);
            },
            OnRetry = args =>
            {
                var operation = args.Context.Properties.GetValue(Operation, "call");
                var reason = args.Outcome.Exception?.Message ?? "unknown";
                MotionControlLog.RetryScheduled(settings.Logger, settings.ProviderName, operation, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, reason);
                MotionControlMetrics.RecordRetry(settings.ProviderName, operation, args.Outcome.Exception);
                return default;
            },
        };

        return new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider }.AddRetry(options).Build();
    }
}
