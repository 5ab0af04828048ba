using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>Tells which account a request belongs to, for the request log, before any fault or validation runs.</summary>
internal interface IAccountIdentifier
{
    /// <summary>
    /// Returns the account whose credentials the request carries and that passes the vendor's checks at
    /// <paramref name="now"/> (the same checks the route runs), or null. Never throws.
    /// </summary>
    EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now);
}
