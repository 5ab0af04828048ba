namespace MotionControl;

/// <summary>
/// The numeric limits the validation rules apply (limits.md). Defaults are Kling's own documented limits, which every
/// vendor inherits unless it documents its own; override one value with a <c>with</c> expression.
/// </summary>
public sealed record MotionControlLimits
{
    /// <summary>Kling's documented limits (seed S1), the default for every vendor.</summary>
    public static MotionControlLimits Default { get; } = new();

    /// <summary>Largest character image in bytes: 10 MB, read as 10 MiB (10,485,760 bytes). [S1, S4]</summary>
    public long ImageMaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Smallest image width or height in pixels: 300. [S1, S4, S2]</summary>
    public int ImageMinSide { get; init; } = 300;

    /// <summary>Largest image width or height in pixels: 65536. [S1, S4, S2]</summary>
    public int ImageMaxSide { get; init; } = 65536;

    /// <summary>Smallest image width/height ratio: 0.4 (1:2.5). [S1, S4]</summary>
    public double ImageMinAspectRatio { get; init; } = 0.4;

    /// <summary>Largest image width/height ratio: 2.5 (2.5:1). [S1, S4]</summary>
    public double ImageMaxAspectRatio { get; init; } = 2.5;

    /// <summary>Largest reference video in bytes: 100 MB, read as 100 MiB (104,857,600 bytes). [S0, S1, S4]</summary>
    public long VideoMaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Smallest video width or height in pixels, as displayed: 340. [S0, S1, S4]</summary>
    public int VideoMinSide { get; init; } = 340;

    /// <summary>Largest video width or height in pixels, as displayed: 3850. [S0, S1, S4]</summary>
    public int VideoMaxSide { get; init; } = 3850;

    /// <summary>Shortest reference video: 3 s. [S0, S1, S2, S4]</summary>
    public TimeSpan VideoMinDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest reference video with <see cref="CharacterOrientation.Video"/>: 30 s. [S0, S1, S2, S3, S4]</summary>
    public TimeSpan VideoMaxDurationWithVideoOrientation { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest reference video with <see cref="CharacterOrientation.Image"/>: 10 s. [S0, S1, S4]</summary>
    public TimeSpan VideoMaxDurationWithImageOrientation { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest prompt in characters (UTF-16 code units as .NET counts them): 2500. [S1, S4]</summary>
    public int PromptMaxLength { get; init; } = 2500;

    /// <summary>Most elements per request: 1. [S1, S4]</summary>
    public int MaxElements { get; init; } = 1;
}
