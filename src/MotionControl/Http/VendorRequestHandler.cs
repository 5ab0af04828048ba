namespace MotionControl.Http;

/// <summary>
/// The first handler of every vendor HTTP client (the SDK's own, one wrapped around a caller's <see cref="HttpClient"/>,
/// and the <c>IHttpClientFactory</c> clients of <c>AddMotionControl</c>): names the SDK in <c>User-Agent</c> and applies the
/// vendor's credentials, once per attempt, so a retried request carries a fresh Kling JWT.
/// </summary>
internal sealed class VendorRequestHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    private const string UserAgentHeader = "User-Agent";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Added as the text it is: the same header as the parsed product, without building a header collection per request.
        // A caller's own HttpClient adds its default headers after this, so both products are named.
        request.Headers.TryAddWithoutValidation(UserAgentHeader, UserAgent.Value);

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
