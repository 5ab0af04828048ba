namespace MotionControl.Testing;

/// <summary>How one vendor words the errors that faults can inject into any of its routes.</summary>
internal interface IErrorDialect
{
    EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode);

    EmulatorReply ServerError(VendorCall call, int statusCode);

    EmulatorReply InsufficientCredits(VendorCall call);
}
