namespace MotionControl.Testing;

/// <summary>Numbers each call per provider and operation and picks the fault (if any) that applies to it. Thread-safe.</summary>
internal sealed class FaultRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Provider, EmulatorOperation Operation), int> _calls = [];
    private readonly List<FaultRule> _rules = [];

    public void Add(string provider, EmulatorOperation operation, EmulatorFault fault, FaultSchedule schedule)
    {
        if (fault.OnlyFor is { } allowed && !allowed.Contains(provider, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The fault '{fault.Description}' applies only to {string.Join(" and ", allowed)}, not '{provider}'.", nameof(fault));
        }

        lock (_gate)
        {
            _rules.Add(new FaultRule(provider, operation, fault, schedule));
        }
    }

    /// <summary>Numbers a new call and returns the first registered fault that applies to it, in the order they were added.</summary>
    public (int CallNumber, EmulatorFault? Fault) NextCall(string provider, EmulatorOperation operation)
    {
        lock (_gate)
        {
            var key = (provider, operation);
            _calls.TryGetValue(key, out int previous);
            int callNumber = previous + 1;
            _calls[key] = callNumber;

            for (int i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (rule.Provider != provider || rule.Operation != operation || !rule.Schedule.MatchesNumber(callNumber))
                {
                    continue;
                }

                if (rule.Schedule.Kind == FaultScheduleKind.Next && --rule.Remaining <= 0)
                {
                    _rules.RemoveAt(i);
                }

                return (callNumber, rule.Fault);
            }

            return (callNumber, null);
        }
    }

    public int CallCount(string provider, EmulatorOperation operation)
    {
        lock (_gate)
        {
            return _calls.TryGetValue((provider, operation), out int count) ? count : 0;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public void ClearAll()
    {
        lock (_gate)
        {
            _rules.Clear();
            _calls.Clear();
        }
    }
}
