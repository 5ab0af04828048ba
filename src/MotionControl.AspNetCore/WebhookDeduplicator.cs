using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MotionControl.AspNetCore;

/// <summary>
/// The events seen within <see cref="MotionControlWebhookOptions.DeduplicationWindow"/>, in memory, on the injected clock.
/// Written here because <c>MemoryCache</c> has no atomic add-if-absent (two concurrent deliveries of one event would
/// both pass) and its clock is not a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class WebhookDeduplicator(IOptions<MotionControlWebhookOptions> options, TimeProvider? timeProvider = null)
{
    private const int SweepEvery = 256;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = options.Value.TimeProvider ?? timeProvider ?? TimeProvider.System;
    private int _adds;

    /// <summary>Claims <paramref name="key"/>; false when it was claimed within the window (a duplicate).</summary>
    public bool TryClaim(string key)
    {
        var now = _time.GetUtcNow();
        var expires = now + options.Value.DeduplicationWindow;
        if (Interlocked.Increment(ref _adds) % SweepEvery == 0)
        {
            foreach (var (old, until) in _seen)
            {
                if (until <= now)
                {
                    _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(old, until));
                }
            }
        }

        while (true)
        {
            if (_seen.TryAdd(key, expires))
            {
                return true;
            }

            if (!_seen.TryGetValue(key, out var until))
            {
                continue;
            }

            if (until > now)
            {
                return false;
            }

            if (_seen.TryUpdate(key, expires, until))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets <paramref name="key"/>, so the vendor's next delivery of a failed event is handled.</summary>
    public void Release(string key) => _seen.TryRemove(key, out _);
}
