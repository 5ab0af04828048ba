using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;

namespace MotionControl.AspNetCore;

/// <summary>
/// Checks the webhook options when the host starts, naming each setting that is wrong (never a secret's value). It builds
/// no client: a client's options ask for its callback URL, which reads these options, so that check is
/// <see cref="WebhookStartupCheck"/>'s, once the options exist.
/// </summary>
internal sealed class WebhookOptionsValidator(IMotionControlClientFactory clients) : IValidateOptions<MotionControlWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, MotionControlWebhookOptions options)
    {
        var errors = new List<string>();
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } root || (root.Scheme != Uri.UriSchemeHttps && root.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("MotionControlWebhookOptions.PublicBaseUrl must be an absolute http or https URL (the address vendors reach this app at).");
        }

        if (options.MaxBodyBytes < 1)
        {
            errors.Add("MotionControlWebhookOptions.MaxBodyBytes must be positive.");
        }

        if (options.HandlerTimeout <= TimeSpan.Zero || options.HandlerTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("MotionControlWebhookOptions.HandlerTimeout must be between 0 and 5 minutes (vendors give up on a callback that long unanswered).");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            errors.Add("MotionControlWebhookOptions.DeduplicationWindow must be positive.");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero)
        {
            errors.Add("MotionControlWebhookOptions.SignatureTolerance must be positive.");
        }

        foreach (var (registration, secret) in options.SigningSecrets)
        {
            if (!clients.ProviderNames.Contains(registration, StringComparer.Ordinal))
            {
                errors.Add($"MotionControlWebhookOptions.SigningSecrets names '{registration}', which is no MotionControl registration ({string.Join(", ", clients.ProviderNames)}).");
            }
            else if (!IsSecret(secret))
            {
                errors.Add($"MotionControlWebhookOptions.SigningSecrets['{registration}'] is not a Standard Webhooks secret (whsec_ and Base64, several separated by spaces).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        try
        {
            _ = new Webhooks.StandardWebhookVerifier(secret);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
