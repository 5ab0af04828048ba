namespace MotionControl;

/// <summary>
/// Something validation could not check, which does not stop the request (for example a media URL whose server gives no
/// size: <c>media.url.unchecked</c>). With <see cref="RemoteMediaValidation.Strict"/> the same finding is an error.
/// </summary>
public sealed record MotionControlValidationWarning
{
    /// <summary>The request field, for example <c>Video</c>.</summary>
    public required string Field { get; init; }

    /// <summary>The stable rule code, for example <c>media.url.unchecked</c> (see <see cref="Validation.MotionControlRules"/>).</summary>
    public required string Code { get; init; }

    /// <summary>What was not checked and why, in a sentence; a URL is named without its query.</summary>
    public required string Message { get; init; }

    /// <summary>The rule code and message.</summary>
    /// <returns><c>[code] Field: message</c>.</returns>
    public override string ToString() => $"[{Code}] {Field}: {Message}";
}
