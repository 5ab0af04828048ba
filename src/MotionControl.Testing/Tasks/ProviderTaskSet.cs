using System.Collections.Concurrent;

namespace MotionControl.Testing;

/// <summary>The tasks, scripted lifecycles and creation count of one provider.</summary>
internal sealed class ProviderTaskSet
{
    private int _createdCount;

    public ConcurrentDictionary<string, EmulatedTaskRecord> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the external ids in use, by account: Kling makes them unique per account, so two accounts may each use the same one.</summary>
    public ConcurrentDictionary<(string Account, string ExternalId), EmulatedTaskRecord> ByExternalId { get; } = new();

    public ConcurrentQueue<TaskLifecycle> ScriptedLifecycles { get; } = new();

    public int CreatedCount => Volatile.Read(ref _createdCount);

    public bool TryAdd(EmulatedTaskRecord record)
    {
        if (record.ExternalTaskId is { } externalId && !ByExternalId.TryAdd((record.Account, externalId), record))
        {
            return false;
        }

        ById[record.Id] = record;
        Interlocked.Increment(ref _createdCount);
        return true;
    }

    public void Clear()
    {
        ById.Clear();
        ByExternalId.Clear();
        ScriptedLifecycles.Clear();
        Interlocked.Exchange(ref _createdCount, 0);
    }
}
