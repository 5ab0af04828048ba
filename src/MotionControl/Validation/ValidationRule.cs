namespace MotionControl.Validation;

/// <summary>One row of the rule table: a stable code, the field it checks, the rule in words, where it applies and its source.</summary>
public sealed record ValidationRule
{
    /// <summary>The stable rule code, for example <c>video.duration.max</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The request field checked (<c>Image</c>, <c>Video</c>, <c>Prompt</c>, ...).</summary>
    public required string Field { get; init; }

    /// <summary>The rule in words, with the default limit and its unit.</summary>
    public required string Description { get; init; }

    /// <summary>Which vendors the rule applies to: <c>all</c>, or the vendors whose capability profile triggers it.</summary>
    public required string AppliesTo { get; init; }

    /// <summary>Where the limit is documented (seed keys S0–S4 and vendor-contracts sections).</summary>
    public required string Source { get; init; }
}
