using MotionControl.Diagnostics;

namespace MotionControl.Media;

/// <summary>
/// A request to a pre-signed storage address a vendor hands out (an upload URL with its signature in the query): not a
/// vendor API route, so, like a result download, it is sent as is on the download client, never with the vendor's
/// credentials, and read only for a small acknowledgement.
/// </summary>
/// <remarks>
/// Built by hand rather than declared as a Refit route because the address is whatever the vendor returned (another
/// host, a path and query of its choosing), not a path under the client's base address.
/// </remarks>
internal static class PresignedTransfer
{
    /// <summary>Sends one request; returns its body when it is at most <paramref name="maxReplyBytes"/>, else nothing.</summary>
    /// <remarks>
    /// The request is not disposed: that would dispose its content and with it the caller's stream (HttpClient itself
    /// leaves a sent request's content alone).
    /// </remarks>
    /// <exception cref="MotionControlConnectionException">The request did not get a reply.</exception>
    /// <exception cref="MotionControlRequestRejectedException">The storage refused it (transient for 5xx).</exception>
    public static async Task<byte[]> SendAsync(
        HttpClient client,
        HttpMethod method,
        Uri target,
        HttpContent content,
        string vendorDisplayName,
        string providerName,
        SecretRedactor redactor,
        long maxReplyBytes,
        CancellationToken cancellationToken)
    {
        // Only the path is ever shown: the query holds the signature.
        var where = target.GetLeftPart(UriPartial.Path);
        var request = new HttpRequestMessage(method, target) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new MotionControlConnectionException($"The {vendorDisplayName} upload to {where} failed: {redactor.Redact(ex.Message)}", ex)
            {
                ProviderName = providerName,
                RequestSent = true,
            };
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new MotionControlRequestRejectedException($"{vendorDisplayName} storage refused the upload to {where} (HTTP {(int)response.StatusCode}).")
                {
                    ProviderName = providerName,
                    StatusCode = response.StatusCode,
                    IsTransient = (int)response.StatusCode >= 500,
                };
            }

            // Small acknowledgements only (a part's {partNumber, etag}); anything longer is not read.
            var length = response.Content.Headers.ContentLength;
            return length > maxReplyBytes ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
