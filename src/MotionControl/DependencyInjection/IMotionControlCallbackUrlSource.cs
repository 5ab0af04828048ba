namespace MotionControl.DependencyInjection;

/// <summary>
/// Supplies each registration's default callback URL (<see cref="MotionControlClientOptions.CallbackUrl"/>) when its client
/// is built under dependency injection and its options set none. <c>MotionControl.AspNetCore</c>'s <c>AddWebhooks</c>
/// registers one that points each registration at its webhook endpoint; register your own to route callbacks elsewhere.
/// </summary>
public interface IMotionControlCallbackUrlSource
{
    /// <summary>Gets the URL the vendor of <paramref name="registrationName"/> should call back, or null for none.</summary>
    /// <param name="registrationName">The registration name (the vendor's name for its default registration).</param>
    /// <returns>An absolute http(s) URL, or null.</returns>
    Uri? GetCallbackUrl(string registrationName);
}
