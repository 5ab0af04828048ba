namespace MotionControl.Providers;

/// <summary>Refuses to build a vendor client without its credentials, naming the missing setting (never a value).</summary>
internal static class CredentialCheck
{
    /// <summary>Returns <paramref name="options"/> when its credentials are complete.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A credential is missing.</exception>
    public static TOptions ThrowIfMissing<TOptions>(TOptions options, string providerName)
        where TOptions : MotionControlClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.CredentialErrors().ToList();
        return errors.Count == 0
            ? options
            : throw new ArgumentException($"Invalid {providerName} options: {string.Join(" ", errors)}", nameof(options));
    }
}
