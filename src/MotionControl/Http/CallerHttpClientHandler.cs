namespace MotionControl.Http;

/// <summary>
/// The innermost handler of the SDK's vendor client when the caller passed their own <see cref="HttpClient"/>: each
/// request goes out through that client, so its handlers, proxy, default headers and timeout apply, and the client is
/// never changed or disposed by the SDK.
/// </summary>
/// <remarks>
/// Why by hand: Refit's generated routes send through an <see cref="HttpClient"/> whose <c>BaseAddress</c> is the vendor
/// host, and a caller's client may have none (or another one) — setting it would change the caller's object, and is
/// refused once that client has sent anything. Refit's own hook for this case, <c>AuthorizationHeaderValueGetter</c>, is
/// documented not to work with a supplied client. So the SDK's client (vendor base address, the authentication handler)
/// ends in this handler. An <see cref="HttpRequestMessage"/> can be sent only once and the SDK's client has already
/// sent this one into its chain, so it is forwarded as a copy that shares the same content (nothing is buffered).
/// </remarks>
internal sealed class CallerHttpClientHandler(HttpClient callers) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Not disposed here: it shares the original's content, which the original's owner disposes.
#pragma warning disable CA2000
        var forwarded = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
#pragma warning restore CA2000
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var response = await callers.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }
}
