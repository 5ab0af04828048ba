using System.Net.Http.Headers;
using MotionControl.Http;

namespace MotionControl.Providers.Fal;

/// <summary>Sends the fal key as <c>Authorization: Key &lt;key&gt;</c> (fal's own scheme, not Bearer).</summary>
internal sealed class FalKeyAuthenticator(string apiKey) : IRequestAuthenticator
{
    private readonly AuthenticationHeaderValue _header = new("Key", apiKey);

    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return ValueTask.CompletedTask;
    }

    public void Invalidate()
    {
    }
}
