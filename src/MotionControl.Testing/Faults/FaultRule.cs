namespace MotionControl.Testing;

/// <summary>A registered fault; <see cref="Remaining"/> counts down "next N calls" schedules (under the registry's lock).</summary>
internal sealed class FaultRule
{
    public FaultRule(string provider, EmulatorOperation operation, EmulatorFault fault, FaultSchedule schedule)
    {
        Provider = provider;
        Operation = operation;
        Fault = fault;
        Schedule = schedule;
        Remaining = schedule.Kind == FaultScheduleKind.Next ? schedule.Count : int.MaxValue;
    }

    public string Provider { get; }

    public EmulatorOperation Operation { get; }

    public EmulatorFault Fault { get; }

    public FaultSchedule Schedule { get; }

    public int Remaining { get; set; }
}
