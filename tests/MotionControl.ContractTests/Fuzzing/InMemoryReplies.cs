using System.Net;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>
/// Answers every request from memory, passed to a vendor client as its <see cref="HttpClient"/>: the fuzzing is about the
/// SDK's reader, not the network. Reads the request body like a server would and counts the requests of each call.
/// </summary>
internal sealed class InMemoryReplies(Func<HttpRequestMessage, HttpResponseMessage> reply) : HttpMessageHandler
{
    public int Requests { get; set; }

    /// <summary>Serves <paramref name="fuzzed"/> (status, headers and body bytes exactly) to every request.</summary>
    public static InMemoryReplies Serving(FuzzReply fuzzed) => new(request =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)fuzzed.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(fuzzed.Body),
        };
        if (fuzzed.ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzed.ContentType);
        }

        if (fuzzed.RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", fuzzed.RetryAfter);
        }

        if (fuzzed.RequestId is not null)
        {
            response.Headers.TryAddWithoutValidation("x-request-id", fuzzed.RequestId);
        }

        return response;
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        return reply(request);
    }
}
