namespace MotionControl.Testing;

/// <summary>
/// The emulated account balances (inferred): each vendor's documented example balance at start (or the one
/// <see cref="MotionControlEmulatorOptions.StartingBalances"/> sets), less a fixed charge for every job of the account
/// that has succeeded by now (failed and cancelled jobs cost nothing).
/// </summary>
internal static class EmulatorBalances
{
    /// <summary>Vydra's starting credits (the account page's example <c>creditsRemaining</c>).</summary>
    public const decimal VydraCredits = 4250m;

    /// <summary>What a Vydra job costs: the model page's flat 40 credits (<c>creditsCharged</c>).</summary>
    public const int VydraCreditsPerJob = 40;

    /// <summary>ModelsLab's starting wallet in USD (the wallet page's example).</summary>
    public const decimal ModelsLabUsd = 43.6m;

    /// <summary>(inferred) What a succeeded ModelsLab job takes from the wallet, in USD.</summary>
    public const decimal ModelsLabUsdPerJob = 0.5m;

    /// <summary>AIMLAPI's starting balance in USD (the billing schema's example).</summary>
    public const decimal AimlApiUsd = 123.45m;

    /// <summary>What a succeeded AIMLAPI job takes, in USD: its 1,260,000 credits at 2,000,000 credits per dollar (inferred).</summary>
    public const decimal AimlApiUsdPerJob = 0.63m;

    /// <summary>fal's starting balance in USD (inferred: the billing page documents the field, not an example value).</summary>
    public const decimal FalUsd = 50m;

    /// <summary>(inferred) What a succeeded fal request takes from the balance, in USD.</summary>
    public const decimal FalUsdPerJob = 0.35m;

    /// <summary>Kling's starting units in the one online resource pack (the account page's example <c>total_quantity</c>).</summary>
    public const decimal KlingUnits = 200m;

    /// <summary>
    /// (inferred) The units a Kling (or PowerTokens) task is charged, whatever its length: 10 in <c>pro</c> mode (API 2.0:
    /// <c>settings.resolution</c> 1080p), else 5. Only the string type of <c>final_unit_deduction</c> is documented.
    /// </summary>
    public static int KlingUnitsFor(EmulatedTaskRecord record)
    {
        bool high = BodyFields.TryGet(record.Request, "settings", out var settings) && settings.ValueKind == System.Text.Json.JsonValueKind.Object
            ? BodyFields.GetString(settings, "resolution") == "1080p"
            : BodyFields.GetString(record.Request, "mode") == "pro";
        return high ? 10 : 5;
    }

    /// <summary>The balance the account of <paramref name="provider"/> has left at <paramref name="now"/>, in the vendor's unit.</summary>
    public static decimal Of(EmulatorState state, string provider, string account, DateTimeOffset now) =>
        Remaining(state, provider, account, now, StartOf(state, provider), record => ChargeOf(provider, record));

    /// <summary>
    /// True when <paramref name="provider"/> enforces its balance (it is named in
    /// <see cref="MotionControlEmulatorOptions.StartingBalances"/>) and the account's is spent: zero or below.
    /// </summary>
    public static bool IsSpent(EmulatorState state, string provider, string account, DateTimeOffset now) =>
        state.StartingBalances.ContainsKey(provider) && Of(state, provider, account, now) <= 0;

    /// <summary>The balance each account of <paramref name="provider"/> starts with.</summary>
    public static decimal StartOf(EmulatorState state, string provider) =>
        state.StartingBalances.TryGetValue(provider, out var start) ? start : provider switch
        {
            EmulatorProviders.Vydra => VydraCredits,
            EmulatorProviders.ModelsLab => ModelsLabUsd,
            EmulatorProviders.AimlApi => AimlApiUsd,
            EmulatorProviders.Fal => FalUsd,
            _ => KlingUnits,
        };

    /// <summary>What one succeeded job of <paramref name="provider"/> takes from the balance.</summary>
    public static decimal ChargeOf(string provider, EmulatedTaskRecord record) => provider switch
    {
        EmulatorProviders.Kling or EmulatorProviders.PowerTokens => KlingUnitsFor(record),
        EmulatorProviders.Vydra => VydraCreditsPerJob,
        EmulatorProviders.ModelsLab => ModelsLabUsdPerJob,
        EmulatorProviders.AimlApi => AimlApiUsdPerJob,
        EmulatorProviders.Fal => FalUsdPerJob,
        _ => 0,
    };

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
