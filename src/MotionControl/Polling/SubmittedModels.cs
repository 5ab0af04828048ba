using System.Collections.Concurrent;

namespace MotionControl.Polling;

/// <summary>
/// The model of each task this client submitted (and whether it was given a callback URL), for the <c>motioncontrol.model</c> tag of the charge counter (no
/// vendor names the model in its task replies). Bounded: past <see cref="Capacity"/> tasks, the oldest are forgotten.
/// </summary>
/// <remarks>
/// Written here because the BCL has no bounded map and a cache package (Microsoft.Extensions.Caching.Memory, with its
/// sizes, expiry scans and options) is far more than a first-in-first-out map of ids to short strings needs.
/// </remarks>
internal sealed class SubmittedModels
{
    /// <summary>How many tasks are remembered.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, (string Model, bool Callback)> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Remembers the model of a task just submitted, and whether the vendor was given a callback URL for it.</summary>
    public void Remember(string taskId, string model, bool callback = false)
    {
        if (!_models.TryAdd(taskId, (model, callback)))
        {
            return;
        }

        _order.Enqueue(taskId);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _models.TryRemove(oldest, out _);
        }
    }

    /// <summary>The model the task was submitted with, or <see langword="null"/> when this client did not submit it (or forgot it).</summary>
    public string? Find(string taskId) => _models.TryGetValue(taskId, out var task) ? task.Model : null;

    /// <summary>Whether this client submitted the task with a callback URL (so a callback is expected to end its wait).</summary>
    public bool HasCallback(string taskId) => _models.TryGetValue(taskId, out var task) && task.Callback;
}
