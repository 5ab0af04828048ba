using Microsoft.Extensions.Logging;
using MotionControl.Diagnostics;

namespace MotionControl.Http;

/// <summary>Everything a <see cref="VendorTransport{TRoutes}"/> needs, frozen from the client's options when the client is built.</summary>
internal sealed record VendorTransportSettings
{
    public required string ProviderName { get; init; }

    /// <summary>The vendor host, for messages (Refit's HTTP client carries it for the requests).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The vendor's authenticator (applied by <see cref="VendorRequestHandler"/>), so a rejected token can be invalidated.</summary>
    public required IRequestAuthenticator Authenticator { get; init; }

    public required SecretRedactor Redactor { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public required ILogger Logger { get; init; }

    /// <summary>The largest reply body read into memory; larger replies are protocol errors. 8 MiB.</summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;
}
