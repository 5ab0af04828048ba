namespace MotionControl;

/// <summary>One broken rule: which field, which rule (a stable code from the rule table), the limit and what was found.</summary>
public sealed record MotionControlValidationError
{
    /// <summary>The request field, for example <c>Video</c>, <c>Prompt</c>, <c>ElementId</c>.</summary>
    public required string Field { get; init; }

    /// <summary>The stable rule code, for example <c>video.duration.max</c> (see <see cref="Validation.MotionControlRules"/>).</summary>
    public required string Code { get; init; }

    /// <summary>A sentence a user can act on: what was found, what the limit is, and which vendor sets it.</summary>
    public required string Message { get; init; }

    /// <summary>The limit, as text with its unit (for example <c>at most 10 s</c>), when the rule has one.</summary>
    public string? Limit { get; init; }

    /// <summary>The value found, as text with its unit (for example <c>12.04 s</c>), when known.</summary>
    public string? Actual { get; init; }

    /// <summary>The rule code and message.</summary>
    /// <returns><c>[code] Field: message</c>.</returns>
    public override string ToString() => $"[{Code}] {Field}: {Message}";
}
