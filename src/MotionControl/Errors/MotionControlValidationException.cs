namespace MotionControl;

/// <summary>A request breaks one or more rules; nothing was sent and no credit was spent. <see cref="Errors"/> lists every one.</summary>
public sealed class MotionControlValidationException : MotionControlException
{
    /// <summary>Creates the exception from a failed validation.</summary>
    /// <param name="errors">Every rule broken (at least one).</param>
    /// <param name="providerName">The provider whose rules were applied.</param>
    public MotionControlValidationException(IReadOnlyList<MotionControlValidationError> errors, string? providerName = null)
        : base(BuildMessage(errors, providerName))
    {
        Errors = errors;
        ProviderName = providerName;
    }

    /// <summary>Every rule the request breaks, each with its field, rule code and message.</summary>
    public IReadOnlyList<MotionControlValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<MotionControlValidationError> errors, string? providerName)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var head = errors.Count == 1
            ? "The request breaks 1 rule"
            : $"The request breaks {errors.Count} rules";
        if (providerName is not null)
        {
            head += $" of {providerName}";
        }

        return head + ":" + string.Concat(errors.Select(e => $"{Environment.NewLine}- [{e.Code}] {e.Field}: {e.Message}"));
    }
}
