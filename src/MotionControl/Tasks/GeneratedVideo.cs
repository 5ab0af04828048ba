namespace MotionControl;

/// <summary>One video produced by a task.</summary>
public sealed record GeneratedVideo
{
    /// <summary>Where to download the video. Vendors delete results after a while (Kling: 30 days).</summary>
    public required Uri Url { get; init; }

    /// <summary>The vendor's id for the video, when it gives one.</summary>
    public string? Id { get; init; }

    /// <summary>The watermarked copy, when one was asked for and the vendor provides it.</summary>
    public Uri? WatermarkUrl { get; init; }

    /// <summary>The video's length, when the vendor reports it.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// When the vendor deletes the video, where it documents how long it keeps results: Kling clears them 30 days after
    /// generation (counted from the task's last update). <see langword="null"/> where the vendor does not say.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
