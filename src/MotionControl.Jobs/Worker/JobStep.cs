namespace MotionControl.Jobs.Worker;

/// <summary>The points in a job's run where a test hook (<see cref="IJobStepHook"/>) is called.</summary>
internal enum JobStep
{
    /// <summary>The job is journaled <see cref="MotionControlJobState.Submitting"/>; the create is not sent yet.</summary>
    AfterJournal = 0,

    /// <summary>The create returned; its task is not recorded yet.</summary>
    AfterCreateSent = 1,

    /// <summary>The task is recorded and the wait is about to start.</summary>
    DuringWait = 2,

    /// <summary>The output download wrote its first bytes to the temporary file.</summary>
    DuringDownload = 3,
}
