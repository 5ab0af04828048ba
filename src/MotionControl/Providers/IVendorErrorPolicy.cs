using MotionControl.Http;

namespace MotionControl.Providers;

/// <summary>
/// A vendor's error policy, the one contract every vendor implements: which SDK exception an error reply means, decided
/// on the vendor's own signal (Kling's <c>code</c>, ModelsLab's <c>status</c> inside HTTP 200, Vydra's <c>code</c>, the
/// HTTP status otherwise), with the vendor's code, words and request id kept and every credential redacted.
/// </summary>
internal interface IVendorErrorPolicy
{
    /// <summary>
    /// The exception <paramref name="reply"/> means: a reply with an error status, or a 2xx reply whose body carries the
    /// vendor's error signal. The body is read leniently (<see cref="VendorReply.Root"/>: a byte order mark is skipped,
    /// a body that is not JSON leaves the HTTP status to decide).
    /// </summary>
    /// <param name="reply">The reply.</param>
    /// <returns>The exception to throw.</returns>
    MotionControlException Map(VendorReply reply);
}
