namespace MotionControl;

/// <summary>A task's provider-neutral state. The vendor's own word is kept in <see cref="MotionControlTask.VendorStatus"/>.</summary>
public enum MotionControlTaskStatus
{
    /// <summary>Accepted, not started (Kling <c>submitted</c>, AIMLAPI <c>queued</c>/<c>waiting</c>, Vydra <c>pending</c>). Unknown vendor words also map here or to <see cref="Processing"/>.</summary>
    Queued = 0,

    /// <summary>Running (Kling <c>processing</c>, AIMLAPI <c>generating</c>, Vydra <c>running</c>/<c>processing</c>).</summary>
    Processing = 1,

    /// <summary>Finished with at least one video (terminal).</summary>
    Succeeded = 2,

    /// <summary>Finished without a video; see <see cref="MotionControlTask.FailureReason"/> (terminal).</summary>
    Failed = 3,

    /// <summary>Cancelled at the vendor (terminal).</summary>
    Canceled = 4,
}
