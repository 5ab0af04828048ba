namespace MotionControl.Testing;

/// <summary>What an <see cref="EmulatorFault"/> does.</summary>
internal enum FaultKind
{
    RateLimited,
    ServerError,
    InsufficientCredits,
    KlingError,
    ModelsLabError,
    AimlApiError,
    VydraError,
    RawResponse,
    Redirect,
    Abort,
    Delay,
    MalformedJson,
    TruncatedJson,
    AbortMidBody,
    UnknownStatus,
    ModelsLabIdAsString,
    ModelsLabReplyWithoutId,
}
