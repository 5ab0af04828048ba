namespace MotionControl.Testing;

/// <summary>
/// The emulated account balances (inferred): each vendor's documented example balance at start, less a fixed charge for
/// every job of the account that has succeeded by now (failed and cancelled jobs cost nothing).
/// </summary>
internal static class EmulatorBalances
{
    /// <summary>Vydra's starting credits (the account page's example <c>creditsRemaining</c>).</summary>
    public const decimal VydraCredits = 4250m;

    /// <summary>ModelsLab's starting wallet in USD (the wallet page's example).</summary>
    public const decimal ModelsLabUsd = 43.6m;

    /// <summary>(inferred) What a succeeded ModelsLab job takes from the wallet, in USD.</summary>
    public const decimal ModelsLabUsdPerJob = 0.5m;

    /// <summary>AIMLAPI's starting balance in USD (the billing schema's example).</summary>
    public const decimal AimlApiUsd = 123.45m;

    /// <summary>What a succeeded AIMLAPI job takes, in USD: its 1,260,000 credits at 2,000,000 credits per dollar (inferred).</summary>
    public const decimal AimlApiUsdPerJob = 0.63m;

    /// <summary>Kling's starting units in the one online resource pack (the account page's example <c>total_quantity</c>).</summary>
    public const decimal KlingUnits = 200m;

    /// <summary>fal's starting balance in USD (inferred: the billing page documents the field, not an example value).</summary>
    public const decimal FalUsd = 50m;

    /// <summary>The balance left: <paramref name="start"/> less <paramref name="charge"/> of each job succeeded by <paramref name="now"/>.</summary>
    public static decimal Remaining(EmulatorState state, string provider, string account, DateTimeOffset now, decimal start, Func<EmulatedTaskRecord, decimal> charge)
    {
        var left = start;
        foreach (var record in state.Tasks.Newest(provider, account))
        {
            if (record.Observe(now, countAsPoll: false).Status == EmulatedTaskStatus.Succeeded)
            {
                left -= charge(record);
            }
        }

        return left;
    }
}
