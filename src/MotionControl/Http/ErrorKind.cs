namespace MotionControl.Http;

/// <summary>The exception kinds a vendor error maps to.</summary>
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
