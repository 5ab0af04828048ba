namespace MotionControl.Http;

/// <summary>The exception kinds a vendor error maps to (design.md "Errors").</summary>
internal enum ErrorKind
{
    Other,
    Authentication,
    InsufficientCredits,
    RateLimited,
    ContentPolicy,
    TaskNotFound,
    RequestRejected,
    Server,
}
