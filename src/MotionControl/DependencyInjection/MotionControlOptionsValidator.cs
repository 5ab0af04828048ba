using Microsoft.Extensions.Options;

namespace MotionControl.DependencyInjection;

/// <summary>Validates a provider's options at start-up (<c>ValidateOnStart</c>), naming each wrong setting with its configuration path.</summary>
internal sealed class MotionControlOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : MotionControlClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = ClientOptionsValidator.Errors(options).Select(e => $"{sectionPath}: {e}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
