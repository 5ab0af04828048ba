namespace MotionControl.Jobs.Worker;

/// <summary>
/// Called at each <see cref="JobStep"/> of a job's run when registered in DI: the crash tests' worker process stops
/// there (it is killed) to prove what a restart recovers. Not registered in production.
/// </summary>
internal interface IJobStepHook
{
    /// <summary>The job reached <paramref name="step"/>. Synchronous so a download's progress callback can call it.</summary>
    void Reached(JobStep step, string jobId);
}
