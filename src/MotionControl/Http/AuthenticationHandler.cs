namespace MotionControl.Http;

/// <summary>
/// A <see cref="DelegatingHandler"/> that authenticates every request sent through an <see cref="HttpClient"/> the SDK
/// builds (or that <c>AddMotionControl</c> registers), once per attempt.
/// </summary>
internal sealed class AuthenticationHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A static key or a cached token is applied synchronously: then no state machine is needed for this request.
        var authenticating = authenticator.AuthenticateAsync(request, cancellationToken);
        if (authenticating.IsCompletedSuccessfully)
        {
            authenticating.GetAwaiter().GetResult();
            return base.SendAsync(request, cancellationToken);
        }

        return SendAfterAsync(authenticating, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAfterAsync(ValueTask authenticating, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authenticating.ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
