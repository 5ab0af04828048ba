using Microsoft.Extensions.Options;
using MotionControl.Storage.S3;

namespace MotionControl.DependencyInjection;

/// <summary>Validates the registered <see cref="S3MediaUploaderOptions"/> at start-up, naming settings, never values.</summary>
internal sealed class S3MediaUploaderOptionsValidator(string sectionPath) : IValidateOptions<S3MediaUploaderOptions>
{
    public ValidateOptionsResult Validate(string? name, S3MediaUploaderOptions options)
    {
        var errors = options.Errors(includeAccount: true).Select(e => $"{sectionPath}: {e}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
