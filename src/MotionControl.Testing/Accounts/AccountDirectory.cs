namespace MotionControl.Testing;

/// <summary>
/// Every account the emulator accepts (the default one first), checked once at start, with each vendor's keys
/// indexed for lookup. Immutable, so thread-safe.
/// </summary>
internal sealed class AccountDirectory
{
    private static readonly string[] KeyedProviders =
        [EmulatorProviders.Kling, EmulatorProviders.PowerTokens, EmulatorProviders.ModelsLab, EmulatorProviders.AimlApi, EmulatorProviders.Vydra, EmulatorProviders.Replicate, EmulatorProviders.Fal];

    private readonly Dictionary<string, Dictionary<string, EmulatorAccount>> _byKey = new(StringComparer.Ordinal);

    public AccountDirectory(EmulatorCredentials credentials)
    {
        var additional = credentials.AdditionalAccounts ?? [];
        var all = new List<EmulatorAccount> { credentials.ToDefaultAccount() };
        var names = new HashSet<string>(StringComparer.Ordinal) { EmulatorCredentials.DefaultAccountName };
        foreach (var account in additional)
        {
            if (account is null)
            {
                throw Invalid("AdditionalAccounts contains null.");
            }

            if (!names.Add(account.Name))
            {
                throw Invalid(account.Name == EmulatorCredentials.DefaultAccountName
                    ? $"The account name '{EmulatorCredentials.DefaultAccountName}' is reserved for the default account (the single-key properties of {nameof(EmulatorCredentials)})."
                    : $"Two additional accounts are named '{account.Name}'.");
            }

            CheckKeys(account);
            all.Add(account);
        }

        foreach (string provider in KeyedProviders)
        {
            _byKey[provider] = Index(all, provider == EmulatorProviders.Kling ? "Kling API key" : $"{provider} key", a => a.KeyFor(provider));
        }

        // An access key is the account's identity in a Kling JWT (iss), so it must be unique as well.
        _ = Index(all.Where(a => a.KlingSecretKey is not null), "Kling access key", a => a.KlingAccessKey);

        All = all;
        KlingSigners = [.. all.Where(a => a.KlingAccessKey is not null && a.KlingSecretKey is not null)];
        Secrets = [.. all.SelectMany(a => a.AllKeys()).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets every account, the default one first.</summary>
    public IReadOnlyList<EmulatorAccount> All { get; }

    /// <summary>Gets the accounts that can sign a Kling JWT (access key and secret key both set), the default one first.</summary>
    public IReadOnlyList<EmulatorAccount> KlingSigners { get; }

    /// <summary>Gets every key of every account (no empty ones), for the request log's redaction.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>Finds the account whose key at <paramref name="provider"/> (Kling: the single API key) is exactly <paramref name="key"/>.</summary>
    public EmulatorAccount? FindByKey(string provider, string? key) =>
        key is not null && _byKey.TryGetValue(provider, out var keys) && keys.TryGetValue(key, out var account) ? account : null;

    private static void CheckKeys(EmulatorAccount account)
    {
        if ((account.KlingAccessKey is null) != (account.KlingSecretKey is null))
        {
            throw Invalid($"The account '{account.Name}' sets only one of KlingAccessKey and KlingSecretKey; a Kling JWT needs both.");
        }

        var keys = account.AllKeys().ToList();
        if (keys.All(k => k is null))
        {
            throw Invalid($"The account '{account.Name}' holds no key.");
        }

        if (keys.Any(k => k is not null && string.IsNullOrWhiteSpace(k)))
        {
            throw Invalid($"The account '{account.Name}' has an empty key; leave a vendor's key null to not use that vendor.");
        }
    }

    private static Dictionary<string, EmulatorAccount> Index(IEnumerable<EmulatorAccount> accounts, string what, Func<EmulatorAccount, string?> key)
    {
        var index = new Dictionary<string, EmulatorAccount>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (key(account) is { } value && !index.TryAdd(value, account))
            {
                // Never show the key itself.
                throw Invalid($"The accounts '{index[value].Name}' and '{account.Name}' share the same {what}; each key must identify one account.");
            }
        }

        return index;
    }

    private static ArgumentException Invalid(string message) => new($"Invalid {nameof(EmulatorCredentials)}.{nameof(EmulatorCredentials.AdditionalAccounts)}: {message}");
}
