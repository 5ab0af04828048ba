using Microsoft.Extensions.Logging;
using MotionControl.Diagnostics;

namespace MotionControl.Http;

/// <summary>Everything an <see cref="ApiTransport"/> needs, frozen from the client's options when the client is built.</summary>
internal sealed record ApiTransportSettings
{
    public required string ProviderName { get; init; }

    /// <summary>
    /// Where each call gets its client: the SDK's own or the caller's (always the same instance), or
    /// <c>IHttpClientFactory.CreateClient</c> under DI so handler rotation and callers' handlers apply.
    /// </summary>
    /// <remarks>An <see cref="HttpClient"/> is called with <see cref="HttpCompletionOption.ResponseHeadersRead"/>; a bare invoker never buffers.</remarks>
    public required Func<HttpMessageInvoker> HttpClientSource { get; init; }

    public required Uri BaseAddress { get; init; }

    /// <summary>Applied by the transport itself; <see cref="NoAuthenticator"/> when a handler in the HttpClient already authenticates.</summary>
    public IRequestAuthenticator InlineAuthenticator { get; init; } = NoAuthenticator.Instance;

    /// <summary>The vendor's authenticator, whichever way it is applied, so a rejected token can be invalidated.</summary>
    public IRequestAuthenticator Authenticator { get; init; } = NoAuthenticator.Instance;

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
