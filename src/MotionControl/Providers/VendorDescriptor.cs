using Microsoft.Extensions.Configuration;
using MotionControl.Diagnostics;
using MotionControl.Http;
using Refit;

namespace MotionControl.Providers;

/// <summary>
/// Everything the core needs to know about one vendor, stated once in the vendor's folder and consumed by the neutral
/// client and by dependency injection: its name and configuration section, what it supports, its status words, the
/// secrets to redact, how it authenticates, its error policy and its Refit routes.
/// </summary>
/// <typeparam name="TOptions">The vendor's options (their constructor sets the default base address).</typeparam>
/// <typeparam name="TRoutes">The vendor's Refit route interface.</typeparam>
internal sealed class VendorDescriptor<TOptions, TRoutes> : IVendorDescriptor
    where TOptions : MotionControlClientOptions, new()
    where TRoutes : class
{
    /// <summary>The provider name (<see cref="MotionControlProviders"/>), also the default registration name.</summary>
    public required string Name { get; init; }

    /// <summary>The vendor's section under <c>MotionControl</c> in configuration (<c>Kling</c>, <c>Vydra</c>, ...).</summary>
    public required string SectionName { get; init; }

    public required MotionControlCapabilities Capabilities { get; init; }

    /// <summary>What a client with these options supports, when that depends on them (Kling's API version); otherwise <see cref="Capabilities"/>.</summary>
    public Func<TOptions, MotionControlCapabilities?>? CapabilitiesOf { get; init; }

    /// <summary>The vendor's status words; a word not listed means "still running".</summary>
    public required IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses { get; init; }

    /// <summary>The secrets of a set of options, redacted from every text the client writes.</summary>
    public required Func<TOptions, SecretRedactor> Secrets { get; init; }

    /// <summary>Builds the authenticator of (already validated) options.</summary>
    public required Func<TOptions, IRequestAuthenticator> Authenticator { get; init; }

    public required IVendorErrorPolicy Errors { get; init; }

    /// <summary>The Refit settings of <typeparamref name="TRoutes"/> (the vendor's JSON context).</summary>
    public required RefitSettings Routes { get; init; }

    /// <summary>Binds the vendor's own settings (beyond the shared ones) from its configuration section.</summary>
    public Action<TOptions, IConfiguration>? BindSettings { get; init; }

    SecretRedactor IVendorDescriptor.SecretsOf(MotionControlClientOptions options) => Secrets((TOptions)options);

    MotionControlCapabilities IVendorDescriptor.CapabilitiesFor(MotionControlClientOptions options) =>
        CapabilitiesOf?.Invoke((TOptions)options) ?? Capabilities;

    /// <summary>
    /// Validates <paramref name="options"/> (the only place a client built without DI checks them: credentials once, every
    /// setting named in the message, never a value) and connects: the SDK's own HTTP client, or one around the caller's.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public VendorConnection<TRoutes> Connect(TOptions options, HttpClient? callers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ClientOptionsValidator.ThrowIfInvalid(options, Name);
        return VendorConnection<TRoutes>.Create(options.BaseAddress, Authenticator(options), callers, Routes);
    }
}

/// <summary>What the neutral client reads of a vendor's descriptor, whatever its options and routes.</summary>
internal interface IVendorDescriptor
{
    string Name { get; }

    MotionControlCapabilities Capabilities { get; }

    /// <summary>The secrets of <paramref name="options"/> (the vendor's own options type), to redact.</summary>
    SecretRedactor SecretsOf(MotionControlClientOptions options);

    /// <summary>What a client with <paramref name="options"/> (the vendor's own options type) supports.</summary>
    MotionControlCapabilities CapabilitiesFor(MotionControlClientOptions options);
}
