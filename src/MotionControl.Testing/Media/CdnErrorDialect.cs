namespace MotionControl.Testing;

/// <summary>Errors on the file routes, which stand for a CDN: plain text, not a vendor's JSON.</summary>
internal sealed class CdnErrorDialect : IErrorDialect
{
    public static CdnErrorDialect Instance { get; } = new();

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        EmulatorReply.FromText(429, "Too Many Requests", "text/plain; charset=utf-8");

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        EmulatorReply.FromText(statusCode, statusCode == 503 ? "Service Unavailable" : "Internal Server Error", "text/plain; charset=utf-8");

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        EmulatorReply.FromText(403, "Forbidden", "text/plain; charset=utf-8");
}
