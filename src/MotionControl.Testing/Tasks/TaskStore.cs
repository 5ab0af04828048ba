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

    /// <summary>Finds a task by its id, or also by its external id where the vendor allows that (Kling's path takes either).</summary>
    public EmulatedTaskRecord? Find(string provider, string id, bool matchExternalId)
    {
        var set = For(provider);
        if (set.ById.TryGetValue(id, out var record))
        {
            return record;
        }

        return matchExternalId && set.ByExternalId.TryGetValue(id, out record) ? record : null;
    }

    /// <summary>Gets the provider's tasks, newest first.</summary>
    public List<EmulatedTaskRecord> Newest(string provider)
    {
        var list = For(provider).ById.Values.ToList();
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
