namespace MotionControl.Testing;

/// <summary>What a plain <c>Authorization: Bearer &lt;key&gt;</c> check found.</summary>
internal enum BearerOutcome
{
    /// <summary>A known key: the account is set.</summary>
    Accepted,

    /// <summary>No Authorization header, or only white space.</summary>
    Missing,

    /// <summary>Not <c>Bearer &lt;key&gt;</c>.</summary>
    NotBearer,

    /// <summary>A bearer key no account holds at this vendor.</summary>
    UnknownKey,
}

/// <summary>The bearer-key check of PowerTokens, AIMLAPI and Vydra: the exact text <c>Bearer &lt;key&gt;</c>, one space, the key of some account.</summary>
internal static class BearerAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    public static (BearerOutcome Outcome, EmulatorAccount? Account) Check(string? authorization, AccountDirectory accounts, string provider)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return (BearerOutcome.Missing, null);
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return (BearerOutcome.NotBearer, null);
        }

        return accounts.FindByKey(provider, authorization[BearerPrefix.Length..]) is { } account
            ? (BearerOutcome.Accepted, account)
            : (BearerOutcome.UnknownKey, null);
    }
}
