using System.Collections.Concurrent;

namespace MotionControl.Testing;

/// <summary>The tasks, scripted lifecycles and creation count of one provider.</summary>
internal sealed class ProviderTaskSet
{
    private int _createdCount;

    public ConcurrentDictionary<string, EmulatedTaskRecord> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the external ids in use: Kling makes them unique per account, and the emulator has one account per provider.</summary>
    public ConcurrentDictionary<string, EmulatedTaskRecord> ByExternalId { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<TaskLifecycle> ScriptedLifecycles { get; } = new();

    public int CreatedCount => Volatile.Read(ref _createdCount);

    public bool TryAdd(EmulatedTaskRecord record)
    {
        if (record.ExternalTaskId is { } externalId && !ByExternalId.TryAdd(externalId, record))
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
