using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// One element-creation task of Kling's element management and the element it makes. The task's status comes from
/// its lifecycle (<see cref="EmulatedTaskRecord"/>, read without timers); the element exists once the task has
/// succeeded, until it is deleted.
/// </summary>
internal sealed class KlingElementRecord
{
    private readonly object _gate = new();
    private DateTimeOffset? _deletedAt;

    public KlingElementRecord(EmulatedTaskRecord task, long elementId)
    {
        Task = task;
        ElementId = elementId;
    }

    /// <summary>Gets the creation task: account, ids, creation time, lifecycle and the create body.</summary>
    public EmulatedTaskRecord Task { get; }

    /// <summary>Gets the element's id, fixed at creation and shown once the task has succeeded.</summary>
    public long ElementId { get; }

    /// <summary>Gets when the element was deleted, or null.</summary>
    public DateTimeOffset? DeletedAt
    {
        get
        {
            lock (_gate)
            {
                return _deletedAt;
            }
        }
    }

    /// <summary>Whether the element can be bound or deleted at <paramref name="now"/>: its task succeeded and it was not deleted.</summary>
    public bool IsUsable(DateTimeOffset now) =>
        DeletedAt is null && Task.Observe(now, countAsPoll: false).Status == EmulatedTaskStatus.Succeeded;

    /// <summary>Marks the element deleted; false when it already was.</summary>
    public bool TryDelete(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_deletedAt is not null)
            {
                return false;
            }

            _deletedAt = now;
            return true;
        }
    }
}

/// <summary>
/// Kling's elements in the emulator: the custom elements' creation tasks, per account (another account's task or
/// element is "not found"; external task ids are unique per account), and a few fixed preset elements every account
/// sees. Kept apart from the motion-control <see cref="TaskStore"/>, so element tasks never show as video tasks.
/// Thread-safe.
/// </summary>
internal sealed class KlingElementStore
{
    // (inferred) Preset ids and names are made up; real ids are 64-bit numbers above 2^53, as these are.
    private static readonly KlingPresetElement[] PresetElements =
    [
        new(760_000_000_000_000_001L, "760000000000000001", "Astronaut", "A preset astronaut in a white suit", "o_102"),
        new(760_000_000_000_000_002L, "760000000000000002", "Corgi", "A preset corgi with a red collar", "o_103"),
        new(760_000_000_000_000_003L, "760000000000000003", "Knight", "A preset knight in silver armour", "o_105"),
    ];

    private readonly ConcurrentDictionary<string, KlingElementRecord> _byTaskId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string ExternalId), KlingElementRecord> _byExternalId = new();
    private readonly ConcurrentDictionary<long, KlingElementRecord> _byElementId = new();

    /// <summary>Gets Kling's preset elements, the same for every account.</summary>
    public static IReadOnlyList<KlingPresetElement> Presets => PresetElements;

    /// <summary>Gets the lifecycles scripted for the next element-creation tasks.</summary>
    public ConcurrentQueue<TaskLifecycle> ScriptedLifecycles { get; } = new();

    /// <summary>Makes an element id from the emulator's creation sequence: above 2^53, and not a double's exact value, so a client that reads it as a double loses it.</summary>
    public static long ElementIdFor(long sequence) => 870_000_000_000_000_001L + (2 * sequence);

    public static bool IsPreset(long elementId) => PresetElements.Any(p => p.ElementId == elementId);

    public bool ExternalIdInUse(string account, string externalId) => _byExternalId.ContainsKey((account, externalId));

    public TaskLifecycle NextLifecycle() => ScriptedLifecycles.TryDequeue(out var scripted) ? scripted : TaskLifecycle.Default;

    public bool TryAdd(KlingElementRecord record)
    {
        if (record.Task.ExternalTaskId is { } externalId && !_byExternalId.TryAdd((record.Task.Account, externalId), record))
        {
            return false;
        }

        _byTaskId[record.Task.Id] = record;
        _byElementId[record.ElementId] = record;
        return true;
    }

    /// <summary>Finds one of <paramref name="account"/>'s element tasks by its task id or its external task id.</summary>
    public KlingElementRecord? FindTask(string id, string account)
    {
        if (_byTaskId.TryGetValue(id, out var record) && record.Task.Account == account)
        {
            return record;
        }

        return _byExternalId.TryGetValue((account, id), out record) ? record : null;
    }

    /// <summary>Finds one of <paramref name="account"/>'s custom elements by its id (deleted or not, made or not yet).</summary>
    public KlingElementRecord? FindElement(long elementId, string account) =>
        _byElementId.TryGetValue(elementId, out var record) && record.Task.Account == account ? record : null;

    /// <summary>Whether <paramref name="account"/> may bind <paramref name="elementId"/> now: a preset, or its own custom element, made and not deleted.</summary>
    public bool IsBindable(long elementId, string account, DateTimeOffset now) =>
        IsPreset(elementId) || FindElement(elementId, account)?.IsUsable(now) == true;

    /// <summary>The same for an API 2.0 element id, which is a string: one not of digits names no element.</summary>
    public bool IsBindable(string elementId, string account, DateTimeOffset now) =>
        long.TryParse(elementId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && IsBindable(id, account, now);

    /// <summary>Gets <paramref name="account"/>'s element tasks, newest first, without the ones whose element was deleted.</summary>
    public List<KlingElementRecord> Newest(string account)
    {
        var list = _byTaskId.Values.Where(r => r.Task.Account == account && r.DeletedAt is null).ToList();
        list.Sort((a, b) => b.Task.Sequence.CompareTo(a.Task.Sequence));
        return list;
    }

    public void Clear()
    {
        _byTaskId.Clear();
        _byExternalId.Clear();
        _byElementId.Clear();
        ScriptedLifecycles.Clear();
    }

    /// <summary>Reads the first element id of a legacy <c>element_list</c> (already checked to be an int64 number), or null.</summary>
    public static long? LegacyElementId(JsonElement body) =>
        BodyFields.TryGet(body, "element_list", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? list[0].GetProperty("element_id").GetInt64()
            : null;

    /// <summary>Reads the element id of an API 2.0 <c>element</c> content item (already checked to be a string), or null.</summary>
    public static string? V2ElementId(JsonElement body)
    {
        if (!BodyFields.TryGet(body, "contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in contents.EnumerateArray())
        {
            if (BodyFields.GetString(item, "type") == "element")
            {
                return BodyFields.GetString(item, "element_id");
            }
        }

        return null;
    }
}

/// <summary>One of the emulator's preset elements, in the preset list as a succeeded task with one element.</summary>
internal sealed record KlingPresetElement(long ElementId, string TaskId, string Name, string Description, string TagId);
