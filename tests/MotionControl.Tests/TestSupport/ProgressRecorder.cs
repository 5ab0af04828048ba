namespace MotionControl.Tests.TestSupport;

/// <summary>Keeps every task a wait or a poller reports, in order (reports may come from another thread).</summary>
internal sealed class ProgressRecorder : IProgress<MotionControlTask>
{
    public List<MotionControlTask> Seen { get; } = [];

    public void Report(MotionControlTask value)
    {
        lock (Seen)
        {
            Seen.Add(value);
        }
    }
}
