namespace MotionControl.Polling;

/// <summary>
/// The waits in progress on this client, by task id, so a task update that arrives by other means than a poll (a verified
/// callback) reaches them at once. Small on purpose: a lock and a dictionary of the tasks being waited on.
/// </summary>
internal sealed class TaskUpdates
{
    private readonly Dictionary<string, List<Subscription>> _waits = new(StringComparer.Ordinal);

    /// <summary>Starts listening for updates of <paramref name="taskId"/>; dispose the subscription when the wait ends.</summary>
    public Subscription Subscribe(string taskId)
    {
        var subscription = new Subscription(this, taskId);
        lock (_waits)
        {
            if (!_waits.TryGetValue(taskId, out var list))
            {
                _waits[taskId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Hands <paramref name="task"/> to every wait on its id.</summary>
    /// <returns>How many waits it reached.</returns>
    public int Publish(MotionControlTask task)
    {
        Subscription[] targets;
        lock (_waits)
        {
            if (!_waits.TryGetValue(task.Id, out var list))
            {
                return 0;
            }

            targets = [.. list];
        }

        foreach (var target in targets)
        {
            target.Deliver(task);
        }

        return targets.Length;
    }

    private void Remove(Subscription subscription)
    {
        lock (_waits)
        {
            if (_waits.TryGetValue(subscription.TaskId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _waits.Remove(subscription.TaskId);
            }
        }
    }

    /// <summary>One wait's mailbox: the latest update not yet taken, and a sleep that an update cuts short.</summary>
    internal sealed class Subscription(TaskUpdates owner, string taskId) : IDisposable
    {
        private readonly object _gate = new();
        private MotionControlTask? _pending;
        private CancellationTokenSource? _sleep;

        public string TaskId { get; } = taskId;

        /// <summary>Takes the update delivered since the last look, if any.</summary>
        public bool TryTake(out MotionControlTask task)
        {
            lock (_gate)
            {
                task = _pending!;
                _pending = null;
                return task is not null;
            }
        }

        /// <summary>
        /// Sleeps for <paramref name="delay"/> on <paramref name="time"/>, or until an update arrives, whichever is first.
        /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
        /// </summary>
        public async Task SleepAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
        {
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            lock (_gate)
            {
                if (_pending is not null)
                {
                    return;
                }

                _sleep = sleep;
            }

            try
            {
                await Task.Delay(delay, time, sleep.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Woken by an update.
            }
            finally
            {
                lock (_gate)
                {
                    _sleep = null;
                }
            }
        }

        public void Deliver(MotionControlTask task)
        {
            lock (_gate)
            {
                _pending = task;

                // Under the lock, so the sleep's source is not yet disposed (its wait clears _sleep under the lock first);
                // CancelAsync runs the wait's continuation on the thread pool, not inside this lock or the caller's thread.
                _ = _sleep?.CancelAsync();
                _sleep = null;
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
