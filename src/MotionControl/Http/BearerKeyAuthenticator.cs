using System.Net.Http.Headers;

namespace MotionControl.Http;

/// <summary>Sends a static API key as <c>Authorization: Bearer &lt;key&gt;</c> (PowerTokens, AIMLAPI, Vydra, Kling API keys).</summary>
internal sealed class BearerKeyAuthenticator(string apiKey) : IRequestAuthenticator
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", apiKey);

    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return ValueTask.CompletedTask;
    }

    public void Invalidate()
    {
    }
}
