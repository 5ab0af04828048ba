namespace MotionControl.Media;

/// <summary>A probe's facts, with how many bytes it read to learn them (for tests and benchmarks of "headers only").</summary>
/// <param name="Facts">What was learned.</param>
/// <param name="BytesRead">Bytes read from the content, including any read only to skip them on a non-seekable stream.</param>
internal readonly record struct MediaProbeResult(MediaFacts Facts, long BytesRead);
