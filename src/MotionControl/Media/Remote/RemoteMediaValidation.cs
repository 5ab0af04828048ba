namespace MotionControl;

/// <summary>
/// Whether validation reads media URLs (<see cref="MediaSource.FromUri(Uri)"/>) to check them as it checks local files
/// (<see cref="MotionControlClientOptions.RemoteMediaValidation"/>).
/// </summary>
public enum RemoteMediaValidation
{
    /// <summary>URLs are not requested; only their scheme is checked.</summary>
    Off = 0,

    /// <summary>
    /// The default. Each URL's headers are read through HTTP range requests (bounded bytes, time and redirects) and the
    /// same rules run as for a local file. A URL that cannot be checked (no size, no usable answer, too slow) gives a
    /// warning (<c>media.url.unchecked</c> in <see cref="MotionControlValidationResult.Warnings"/>), not an error.
    /// </summary>
    BestEffort = 1,

    /// <summary>As <see cref="BestEffort"/>, but a URL that cannot be checked is a validation error.</summary>
    Strict = 2,
}
