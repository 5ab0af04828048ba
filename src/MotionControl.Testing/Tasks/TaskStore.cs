namespace MotionControl.Testing;

/// <summary>Every emulated task, by provider. Thread-safe.</summary>
internal sealed class TaskStore
{
    private readonly Dictionary<string, ProviderTaskSet> _providers;
    private long _sequence;

    public TaskStore()
    {
        _providers = EmulatorProviders.All.ToDictionary(p => p, _ => new ProviderTaskSet(), StringComparer.Ordinal);
    }

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public ProviderTaskSet For(string provider) =>
        _providers.TryGetValue(provider, out var set)
            ? set
            : throw new ArgumentException($"Unknown provider '{provider}'. Use one of: {string.Join(", ", EmulatorProviders.All)}.", nameof(provider));

    /// <summary>
    /// Finds a task by its id, or also by its external id where the vendor allows that (Kling's path takes either).
    /// With an <paramref name="account"/>, only that account's tasks are found (the vendors scope tasks per account);
    /// without one, any account's, and for an external id several accounts used, the newest such task.
    /// </summary>
    public EmulatedTaskRecord? Find(string provider, string id, bool matchExternalId, string? account = null)
    {
        var set = For(provider);
        if (set.ById.TryGetValue(id, out var record) && (account is null || record.Account == account))
        {
            return record;
        }

        if (!matchExternalId)
        {
            return null;
        }

        if (account is not null)
        {
            return set.ByExternalId.TryGetValue((account, id), out record) ? record : null;
        }

        EmulatedTaskRecord? newest = null;
        foreach (var (key, candidate) in set.ByExternalId)
        {
            if (key.ExternalId == id && (newest is null || candidate.Sequence > newest.Sequence))
            {
                newest = candidate;
            }
        }

        return newest;
    }

    /// <summary>Gets the provider's tasks, newest first: those of <paramref name="account"/>, or of every account when it is null.</summary>
    public List<EmulatedTaskRecord> Newest(string provider, string? account = null)
    {
        var list = For(provider).ById.Values.Where(record => account is null || record.Account == account).ToList();
        list.Sort((a, b) => b.Sequence.CompareTo(a.Sequence));
        return list;
    }

    public TaskLifecycle NextLifecycle(string provider, TaskLifecycle fallback) =>
        For(provider).ScriptedLifecycles.TryDequeue(out var scripted) ? scripted : fallback;

    public void Clear()
    {
        foreach (var set in _providers.Values)
        {
            set.Clear();
        }
    }
}
