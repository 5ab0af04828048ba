using System.Net;

namespace MotionControl.Http;

/// <summary>
/// Requests to media URLs through the SSRF guard: redirects followed here, not by the handler, so that every hop's URL is
/// checked (<see cref="RemoteMediaGuard.Refusal"/>) and connected through the guard (the request carries it).
/// </summary>
internal static class GuardedHttp
{
    /// <summary>The most redirects one media request follows.</summary>
    public const int MaxRedirects = 5;

    /// <summary>
    /// Sends the request <paramref name="create"/> makes for each hop, following up to <see cref="MaxRedirects"/>
    /// redirects (GET and HEAD only are sent again; any other method stops at the 3xx).
    /// </summary>
    /// <returns>The final response (the caller disposes it) and the URL that answered it.</returns>
    /// <exception cref="RemoteMediaRefusedException">A hop's URL or address is refused, or there are too many redirects.</exception>
    /// <exception cref="HttpRequestException">The request failed for another reason.</exception>
    public static async Task<(HttpResponseMessage Response, Uri Uri)> SendAsync(
        HttpClient http,
        RemoteMediaGuard guard,
        Uri uri,
        Func<Uri, HttpRequestMessage> create,
        HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            if (guard.Refusal(uri) is { } refusal)
            {
                throw new RemoteMediaRefusedException(hop == 0 ? refusal : $"it redirects to {uri.GetLeftPart(UriPartial.Path)}, and {refusal}");
            }

            using var request = create(uri);
            request.Options.Set(RemoteMediaGuard.RequestOption, guard);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (RemoteMediaRefusedException.Find(ex) is { } refused)
            {
                throw hop == 0 ? refused : new RemoteMediaRefusedException($"it redirects to {uri.GetLeftPart(UriPartial.Path)}, and {refused.Message}");
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location
                || (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head))
            {
                return (response, uri);
            }

            response.Dispose();
            if (hop == MaxRedirects)
            {
                throw new RemoteMediaRefusedException($"it redirects more than {MaxRedirects} times");
            }

            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
