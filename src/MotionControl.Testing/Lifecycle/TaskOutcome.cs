namespace MotionControl.Testing;

/// <summary>The terminal result of an emulated task. Immutable; create it with <see cref="Success"/>, <see cref="Failure"/> or <see cref="ContentPolicyViolation"/>.</summary>
public sealed class TaskOutcome
{
    /// <summary>The failure reason used by <see cref="ContentPolicyViolation"/> when none is given. Kling's own wording for a risk-control failure is similar (inferred).</summary>
    public const string DefaultContentPolicyMessage = "Failure to pass the risk control system: the input violates the content-safety policy.";

    private TaskOutcome(TaskOutcomeKind kind, int videoCount, double videoDurationSeconds, string? message)
    {
        Kind = kind;
        VideoCount = videoCount;
        VideoDurationSeconds = videoDurationSeconds;
        Message = message;
    }

    /// <summary>Gets how the task ends.</summary>
    public TaskOutcomeKind Kind { get; }

    /// <summary>Gets the number of result videos on success (0 on failure).</summary>
    public int VideoCount { get; }

    /// <summary>Gets the duration reported for each result video, in seconds (the served file itself is a 1 s placeholder).</summary>
    public double VideoDurationSeconds { get; }

    /// <summary>Gets the failure reason shown by the vendor, or null on success.</summary>
    public string? Message { get; }

    /// <summary>Creates a successful outcome.</summary>
    /// <param name="videoCount">How many videos the task returns; 0 gives a "success with no video" reply for protocol-error tests.</param>
    /// <param name="videoDurationSeconds">The duration each video reports, in seconds.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Success(int videoCount = 1, double videoDurationSeconds = 5.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(videoCount);
        ArgumentOutOfRangeException.ThrowIfNegative(videoDurationSeconds);
        return new TaskOutcome(TaskOutcomeKind.Succeeded, videoCount, videoDurationSeconds, null);
    }

    /// <summary>Creates a failed outcome.</summary>
    /// <param name="message">The failure reason the vendor shows (Kling <c>task_status_msg</c>, AIMLAPI <c>error.message</c>, Vydra <c>error</c>, ModelsLab <c>message</c>).</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Failure(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new TaskOutcome(TaskOutcomeKind.Failed, 0, 0, message);
    }

    /// <summary>Creates a content-policy failure.</summary>
    /// <param name="message">The failure reason; <see cref="DefaultContentPolicyMessage"/> when null.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome ContentPolicyViolation(string? message = null) =>
        new(TaskOutcomeKind.ContentPolicyViolation, 0, 0, message ?? DefaultContentPolicyMessage);

    /// <inheritdoc />
    public override string ToString() => Kind == TaskOutcomeKind.Succeeded ? $"Succeeded with {VideoCount} video(s)" : $"{Kind}: {Message}";
}
