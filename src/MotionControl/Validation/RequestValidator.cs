namespace MotionControl.Validation;

/// <summary>Evaluates every row of the rule table against a request and returns all violations at once.</summary>
internal static class RequestValidator
{
    public static MotionControlValidationResult Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<MotionControlValidationError>();
        foreach (var entry in RuleTable.Entries)
        {
            errors.AddRange(entry.Check(context));
        }

        return errors.Count == 0 ? MotionControlValidationResult.Valid : new MotionControlValidationResult { Errors = errors };
    }
}
