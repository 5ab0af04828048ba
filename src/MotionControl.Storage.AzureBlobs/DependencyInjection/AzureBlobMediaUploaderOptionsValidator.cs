using Microsoft.Extensions.Options;
using MotionControl.Storage.AzureBlobs;

namespace MotionControl.DependencyInjection;

/// <summary>Validates the registered <see cref="AzureBlobMediaUploaderOptions"/> at start-up, naming settings, never values.</summary>
internal sealed class AzureBlobMediaUploaderOptionsValidator(string sectionPath) : IValidateOptions<AzureBlobMediaUploaderOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureBlobMediaUploaderOptions options)
    {
        var errors = options.Errors(includeAccount: true).Select(e => $"{sectionPath}: {e}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
