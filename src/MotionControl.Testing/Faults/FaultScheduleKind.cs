namespace MotionControl.Testing;

/// <summary>The shape of a <see cref="FaultSchedule"/>.</summary>
internal enum FaultScheduleKind
{
    Next,
    Every,
    Numbers,
    From,
}
