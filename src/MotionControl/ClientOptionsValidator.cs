using MotionControl.Polling;

namespace MotionControl;

/// <summary>Checks a client's options when it is built, naming each setting that is wrong (never its value, for secrets).</summary>
internal static class ClientOptionsValidator
{
    public static IEnumerable<string> Errors(MotionControlClientOptions options)
    {
        foreach (var error in options.CredentialErrors())
        {
            yield return error;
        }

        foreach (var error in options.VendorSettingErrors())
        {
            yield return error;
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            yield return "BaseAddress must be an absolute http or https URL.";
        }

        if (options.CallbackUrl is { } callback && (!callback.IsAbsoluteUri || (callback.Scheme != Uri.UriSchemeHttps && callback.Scheme != Uri.UriSchemeHttp)))
        {
            yield return "CallbackUrl must be an absolute http or https URL.";
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"RequestTimeout must be between 1 s and 10 min (it is {options.RequestTimeout}).";
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            yield return $"MaxRetryAttempts must be between 0 and 10 (it is {options.MaxRetryAttempts}).";
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            yield return "RetryBaseDelay must be positive and RetryMaxDelay at least RetryBaseDelay.";
        }

        if (!Enum.IsDefined(options.RemoteMediaValidation))
        {
            yield return "RemoteMediaValidation must be Off, BestEffort or Strict.";
        }

        if (options.RemoteMediaTimeout < TimeSpan.FromSeconds(1) || options.RemoteMediaTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"RemoteMediaTimeout must be between 1 s and 5 min (it is {options.RemoteMediaTimeout}).";
        }

        if (options.RemoteMediaAllowList.Any(origin => origin is not { IsAbsoluteUri: true } || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp)))
        {
            yield return "RemoteMediaAllowList must hold absolute http or https origins.";
        }

        if (options.TimeProvider is null)
        {
            yield return "TimeProvider must be set.";
        }

        if (options.WaitOptions is null)
        {
            yield return "WaitOptions must be set.";
        }
        else
        {
            foreach (var error in WaitOptionsValidator.Errors(options.WaitOptions))
            {
                yield return "WaitOptions." + error;
            }
        }
    }

    public static void ThrowIfInvalid(MotionControlClientOptions options, string providerName)
    {
        var errors = Errors(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {providerName} options: " + string.Join(" ", errors), nameof(options));
        }
    }
}
