using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MotionControl.DependencyInjection;

/// <summary>
/// Reads the SDK's settings from configuration by hand (no reflection binder: trim- and AOT-safe). A value that does not
/// parse fails with the setting's full path in the message, never the value (it may be a secret).
/// </summary>
internal static class ConfigurationReader
{
    public static void BindDefaults(MotionControlDefaults defaults, IConfiguration section)
    {
        defaults.DefaultProvider = section["DefaultProvider"] ?? defaults.DefaultProvider;
        defaults.RequestTimeout = TimeSpanValue(section, "RequestTimeout") ?? defaults.RequestTimeout;
        defaults.MaxRetryAttempts = IntValue(section, "MaxRetryAttempts") ?? defaults.MaxRetryAttempts;
        defaults.RetryBaseDelay = TimeSpanValue(section, "RetryBaseDelay") ?? defaults.RetryBaseDelay;
        defaults.RetryMaxDelay = TimeSpanValue(section, "RetryMaxDelay") ?? defaults.RetryMaxDelay;
        defaults.WaitOptions = WaitOptions(section.GetSection("WaitOptions"), defaults.WaitOptions);
    }

    public static void BindClient(MotionControlClientOptions options, IConfiguration section)
    {
        if (section["BaseAddress"] is { } address)
        {
            options.BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(section, "BaseAddress", "an absolute http(s) URL");
        }

        if (section["CallbackUrl"] is { } callback)
        {
            options.CallbackUrl = Uri.TryCreate(callback, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(section, "CallbackUrl", "an absolute http(s) URL");
        }

        foreach (var origin in section.GetSection("RemoteMediaAllowList").GetChildren())
        {
            if (origin.Value is { } text)
            {
                options.RemoteMediaAllowList.Add(Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    ? uri
                    : throw Invalid(section, $"RemoteMediaAllowList:{origin.Key}", "an absolute http(s) origin"));
            }
        }

        options.RemoteMediaValidation = EnumValue<RemoteMediaValidation>(section, "RemoteMediaValidation") ?? options.RemoteMediaValidation;
        options.RemoteMediaTimeout = TimeSpanValue(section, "RemoteMediaTimeout") ?? options.RemoteMediaTimeout;
        options.ApiKey = section["ApiKey"] ?? options.ApiKey;
        options.Model = section["Model"] ?? options.Model;
        options.RequestTimeout = TimeSpanValue(section, "RequestTimeout") ?? options.RequestTimeout;
        options.MaxRetryAttempts = IntValue(section, "MaxRetryAttempts") ?? options.MaxRetryAttempts;
        options.RetryBaseDelay = TimeSpanValue(section, "RetryBaseDelay") ?? options.RetryBaseDelay;
        options.RetryMaxDelay = TimeSpanValue(section, "RetryMaxDelay") ?? options.RetryMaxDelay;
        options.WaitOptions = WaitOptions(section.GetSection("WaitOptions"), options.WaitOptions);
    }

    public static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection s ? $"{s.Path}:{key}" : key;

    private static MotionControlWaitOptions WaitOptions(IConfigurationSection section, MotionControlWaitOptions current) =>
        current with
        {
            PollInterval = TimeSpanValue(section, "PollInterval") ?? current.PollInterval,
            MaxPollInterval = TimeSpanValue(section, "MaxPollInterval") ?? current.MaxPollInterval,
            MaxHintedPollInterval = TimeSpanValue(section, "MaxHintedPollInterval") ?? current.MaxHintedPollInterval,
            BackoffFactor = DoubleValue(section, "BackoffFactor") ?? current.BackoffFactor,
            Jitter = DoubleValue(section, "Jitter") ?? current.Jitter,
            ExpectedDuration = TimeSpanValue(section, "ExpectedDuration") ?? current.ExpectedDuration,
            Timeout = TimeSpanValue(section, "Timeout") ?? current.Timeout,
            CallbackPollInterval = TimeSpanValue(section, "CallbackPollInterval") ?? current.CallbackPollInterval,
        };

    /// <summary>A time span setting (<c>00:00:30</c>); anything else is refused, naming the setting.</summary>
    public static TimeSpan? TimeSpanValue(IConfiguration section, string key)
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(section, key, "a time span such as 00:00:30");
    }

    private static int? IntValue(IConfiguration section, string key)
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(section, key, "a whole number");
    }

    private static double? DoubleValue(IConfiguration section, string key)
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(section, key, "a number");
    }

    /// <summary>An enum setting by name (ignoring case); a number or an unknown name is refused, naming the setting.</summary>
    public static TEnum? EnumValue<TEnum>(IConfiguration section, string key)
        where TEnum : struct, Enum
    {
        var text = section[key];
        if (text is null)
        {
            return null;
        }

        return !text.Trim().All(char.IsAsciiDigit) && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw Invalid(section, key, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));
    }

    private static InvalidOperationException Invalid(IConfiguration section, string key, string expected) =>
        new($"The setting '{Path(section, key)}' must be {expected}.");
}
