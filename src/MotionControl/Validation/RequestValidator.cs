namespace MotionControl.Validation;

/// <summary>Evaluates every row of the rule table against a request and returns all violations at once.</summary>
internal static class RequestValidator
{
    public static MotionControlValidationResult Validate(ValidationContext context)
    {
        // The list is made at the first error: a valid request (the usual case) allocates none.
        List<MotionControlValidationError>? errors = null;
        var entries = RuleTable.Entries;

        // By index: a foreach over the list interface would allocate an enumerator per validation.
        for (var i = 0; i < entries.Count; i++)
        {
            var found = entries[i].Check(context);
            if (found is ICollection<MotionControlValidationError> { Count: 0 })
            {
                continue;
            }

            (errors ??= []).AddRange(found);
        }

        var warnings = context.ImageRemote is null && context.VideoRemote is null ? null : RuleTable.Warnings(context);
        return errors is not { Count: > 0 } && warnings is not { Count: > 0 }
            ? MotionControlValidationResult.Valid
            : new MotionControlValidationResult { Errors = errors ?? [], Warnings = warnings ?? [] };
    }
}
