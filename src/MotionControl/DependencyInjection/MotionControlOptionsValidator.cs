using Microsoft.Extensions.Options;

namespace MotionControl.DependencyInjection;

/// <summary>
/// Validates one registration's options at start-up (<c>ValidateOnStart</c>), naming each wrong setting with its
/// configuration path; the options of other registrations of the same type are left to their own validator.
/// </summary>
internal sealed class MotionControlOptionsValidator<TOptions>(string registrationName, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : MotionControlClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name, registrationName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = ClientOptionsValidator.Errors(options).Select(e => $"{sectionPath}: {e}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
