namespace MotionControl.Testing;

/// <summary>
/// The state of an emulated task in neutral words. Each vendor shows it in its own vocabulary, for example
/// <see cref="Processing"/> is Kling's <c>processing</c>, AIMLAPI's <c>generating</c> and Vydra's <c>running</c>.
/// </summary>
public enum EmulatedTaskStatus
{
    /// <summary>Accepted, not started (Kling <c>submitted</c>, AIMLAPI <c>queued</c>, Vydra <c>pending</c>, ModelsLab <c>processing</c>).</summary>
    Queued,

    /// <summary>Running (Kling <c>processing</c>, AIMLAPI <c>generating</c>, Vydra <c>running</c>, ModelsLab <c>processing</c>).</summary>
    Processing,

    /// <summary>Finished with videos (Kling <c>succeed</c>, AIMLAPI <c>completed</c>, Vydra <c>completed</c>, ModelsLab <c>success</c>).</summary>
    Succeeded,

    /// <summary>Finished without videos (Kling <c>failed</c>, AIMLAPI <c>error</c>, Vydra <c>failed</c>, ModelsLab <c>error</c>).</summary>
    Failed,

    /// <summary>Cancelled by the client (Vydra <c>cancelled</c>, Replicate <c>canceled</c>, or <c>aborted</c> when its <c>Cancel-After</c> deadline passed before it started).</summary>
    Canceled,
}
