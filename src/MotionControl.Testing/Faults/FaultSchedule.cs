namespace MotionControl.Testing;

/// <summary>
/// Which calls of a provider and operation a fault applies to. Call numbers are 1-based and counted per provider and
/// operation since the emulator started or was <see cref="MotionControlEmulator.Reset"/> (see
/// <see cref="RecordedRequest.CallNumber"/>); "next" schedules count from when the fault is added.
/// </summary>
public sealed class FaultSchedule
{
    private readonly int[] _callNumbers;

    private FaultSchedule(FaultScheduleKind kind, int count, int[] callNumbers, string description)
    {
        Kind = kind;
        Count = count;
        _callNumbers = callNumbers;
        Description = description;
    }

    /// <summary>Gets the schedule that applies to the next call only (the default of <see cref="MotionControlEmulator.AddFault"/>).</summary>
    public static FaultSchedule NextCall { get; } = new(FaultScheduleKind.Next, 1, [], "next call");

    /// <summary>Gets the schedule that applies to every call.</summary>
    public static FaultSchedule EveryCall { get; } = new(FaultScheduleKind.Every, 0, [], "every call");

    /// <summary>Gets a short description, e.g. "call #2".</summary>
    public string Description { get; }

    internal FaultScheduleKind Kind { get; }

    internal int Count { get; }

    /// <summary>Applies to the next <paramref name="count"/> calls.</summary>
    /// <param name="count">How many calls, 1 or more.</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule NextCalls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new FaultSchedule(FaultScheduleKind.Next, count, [], $"next {count} calls");
    }

    /// <summary>Applies to call number <paramref name="callNumber"/> only ("the 2nd get").</summary>
    /// <param name="callNumber">The 1-based call number.</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule OnCall(int callNumber) => OnCalls(callNumber);

    /// <summary>Applies to the listed call numbers.</summary>
    /// <param name="callNumbers">1-based call numbers.</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule OnCalls(params int[] callNumbers)
    {
        ArgumentNullException.ThrowIfNull(callNumbers);
        if (callNumbers.Length == 0 || callNumbers.Any(n => n < 1))
        {
            throw new ArgumentException("Give one or more call numbers, each 1 or more.", nameof(callNumbers));
        }

        return new FaultSchedule(FaultScheduleKind.Numbers, 0, [.. callNumbers], $"call #{string.Join(", #", callNumbers)}");
    }

    /// <summary>Applies to call number <paramref name="callNumber"/> and every call after it.</summary>
    /// <param name="callNumber">The first 1-based call number.</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule FromCall(int callNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callNumber, 1);
        return new FaultSchedule(FaultScheduleKind.From, callNumber, [], $"calls from #{callNumber}");
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    internal bool MatchesNumber(int callNumber) => Kind switch
    {
        FaultScheduleKind.Every => true,
        FaultScheduleKind.Numbers => Array.IndexOf(_callNumbers, callNumber) >= 0,
        FaultScheduleKind.From => callNumber >= Count,
        _ => true,
    };
}
