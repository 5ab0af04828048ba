namespace MotionControl.Jobs.Worker;

/// <summary>Calls the step hook once, synchronously, when a download reports its first bytes (not <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class DownloadProgress(IJobStepHook hook, string jobId) : IProgress<long>
{
    private int _reported;

    public void Report(long value)
    {
        if (value > 0 && Interlocked.Exchange(ref _reported, 1) == 0)
        {
            hook.Reached(JobStep.DuringDownload, jobId);
        }
    }
}
