namespace MotionControl.Testing;

/// <summary>
/// How the emulator delivers one task's callback (<see cref="MotionControlEmulator.EnqueueCallbackScript"/>, or
/// <see cref="MotionControlEmulator.SendCallbackAsync"/>): how many times, after what delay, and what is wrong with it.
/// </summary>
public sealed record EmulatorCallbackScript
{
    /// <summary>Gets a single, correctly signed delivery at once.</summary>
    public static EmulatorCallbackScript Default { get; } = new();

    /// <summary>
    /// Gets how many times the same event is delivered (same body, same <c>webhook-id</c>), one after another, as vendors
    /// that deliver at least once may; 1 to 10. Default 1.
    /// </summary>
    public int Deliveries { get; init; } = 1;

    /// <summary>Gets how long after the task ends the first delivery is sent, on the emulator's clock. Default none.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Gets what the signature headers carry (signing vendors only). Default <see cref="EmulatorCallbackSignature.Valid"/>.</summary>
    public EmulatorCallbackSignature Signature { get; init; } = EmulatorCallbackSignature.Valid;

    /// <summary>
    /// Gets what is added to the signed <c>webhook-timestamp</c> (and the signature still matches it): minus 6 minutes
    /// makes a stale callback that a receiver's ±5 minute window refuses. Default none.
    /// </summary>
    public TimeSpan TimestampOffset { get; init; }

    internal void ThrowIfInvalid()
    {
        if (Deliveries is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Deliveries), Deliveries, "Deliveries must be between 1 and 10.");
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "Delay must not be negative.");
        }
    }
}

/// <summary>What the Standard Webhooks headers of an emulated callback carry.</summary>
public enum EmulatorCallbackSignature
{
    /// <summary>A signature over the body with the account's secret.</summary>
    Valid,

    /// <summary>A well-formed signature made with another secret, which a receiver must refuse.</summary>
    Invalid,

    /// <summary>No signature headers at all.</summary>
    Missing,
}
