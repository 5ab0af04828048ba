namespace MotionControl;

/// <summary>The outcome of local validation: every rule a request breaks, or none.</summary>
public sealed record MotionControlValidationResult
{
    /// <summary>A result with no errors.</summary>
    public static MotionControlValidationResult Valid { get; } = new() { Errors = [] };

    /// <summary>Every broken rule, in rule-table order.</summary>
    public required IReadOnlyList<MotionControlValidationError> Errors { get; init; }

    /// <summary>
    /// What could not be checked but does not stop the request (a media URL not checked remotely, under
    /// <see cref="RemoteMediaValidation.BestEffort"/>); empty when everything was checked.
    /// </summary>
    public IReadOnlyList<MotionControlValidationWarning> Warnings { get; init; } = [];

    /// <summary>True when no rule is broken (warnings do not count).</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Throws <see cref="MotionControlValidationException"/> listing every error when the result is not valid.</summary>
    /// <param name="providerName">The provider named in the message.</param>
    /// <exception cref="MotionControlValidationException">At least one rule is broken.</exception>
    public void ThrowIfInvalid(string? providerName = null)
    {
        if (!IsValid)
        {
            throw new MotionControlValidationException(Errors, providerName);
        }
    }
}
