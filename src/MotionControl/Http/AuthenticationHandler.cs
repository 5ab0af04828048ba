namespace MotionControl.Http;

/// <summary>
/// A <see cref="DelegatingHandler"/> that authenticates every request sent through an <see cref="HttpClient"/> the SDK
/// builds (or that <c>AddMotionControl</c> registers), once per attempt.
/// </summary>
internal sealed class AuthenticationHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
