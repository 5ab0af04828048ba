using System.Collections.Concurrent;

namespace MotionControl.Testing;

/// <summary>The tasks, scripted lifecycles and creation count of one provider.</summary>
internal sealed class ProviderTaskSet
{
    private readonly object _runningGate = new();
    private readonly Dictionary<string, (int Running, int HighWaterMark)> _running = new(StringComparer.Ordinal);
    private int _createdCount;
    private int _generation;

    public ConcurrentDictionary<string, EmulatedTaskRecord> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the external ids in use, by account: Kling makes them unique per account, so two accounts may each use the same one.</summary>
    public ConcurrentDictionary<(string Account, string ExternalId), EmulatedTaskRecord> ByExternalId { get; } = new();

    public ConcurrentQueue<TaskLifecycle> ScriptedLifecycles { get; } = new();

    public int CreatedCount => Volatile.Read(ref _createdCount);

    public bool TryAdd(EmulatedTaskRecord record) => TryAdd(record, maxRunning: null) == TaskAddResult.Added;

    /// <summary>
    /// Adds a created task unless its external id is taken in its account, or the account already has
    /// <paramref name="maxRunning"/> tasks running; the check and the count move together, under one lock.
    /// </summary>
    public TaskAddResult TryAdd(EmulatedTaskRecord record, int? maxRunning)
    {
        lock (_runningGate)
        {
            int generation = _generation;
            var (running, highWaterMark) = _running.GetValueOrDefault(record.Account);
            if (running >= maxRunning)
            {
                return TaskAddResult.OverConcurrencyLimit;
            }

            if (record.ExternalTaskId is { } externalId && !ByExternalId.TryAdd((record.Account, externalId), record))
            {
                return TaskAddResult.DuplicateExternalId;
            }

            running++;
            _running[record.Account] = (running, Math.Max(running, highWaterMark));
            record.Finished = finished =>
            {
                lock (_runningGate)
                {
                    if (generation == _generation && _running.TryGetValue(finished.Account, out var counts))
                    {
                        _running[finished.Account] = (counts.Running - 1, counts.HighWaterMark);
                    }
                }
            };
        }

        ById[record.Id] = record;
        Interlocked.Increment(ref _createdCount);
        return TaskAddResult.Added;
    }

    /// <summary>Gets how many tasks are running (created, not yet seen terminal), of one account or of all accounts when it is null.</summary>
    public int RunningCount(string? account)
    {
        lock (_runningGate)
        {
            return account is null
                ? _running.Values.Sum(c => c.Running)
                : _running.GetValueOrDefault(account).Running;
        }
    }

    /// <summary>Gets the most tasks one account has had running at once: that account's, or the highest of any account when it is null.</summary>
    public int HighWaterMark(string? account)
    {
        lock (_runningGate)
        {
            return account is null
                ? _running.Values.Select(c => c.HighWaterMark).DefaultIfEmpty(0).Max()
                : _running.GetValueOrDefault(account).HighWaterMark;
        }
    }

    public void Clear()
    {
        ById.Clear();
        ByExternalId.Clear();
        ScriptedLifecycles.Clear();
        Interlocked.Exchange(ref _createdCount, 0);
        lock (_runningGate)
        {
            _running.Clear();
            _generation++;
        }
    }
}

/// <summary>What <see cref="ProviderTaskSet.TryAdd(EmulatedTaskRecord, int?)"/> did.</summary>
internal enum TaskAddResult
{
    /// <summary>The task was created.</summary>
    Added,

    /// <summary>The account already has a task with this external id; nothing was created.</summary>
    DuplicateExternalId,

    /// <summary>The account already has the most tasks running that it may; nothing was created.</summary>
    OverConcurrencyLimit,
}
