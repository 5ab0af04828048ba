namespace MotionControl.Http;

/// <summary>For vendors whose key travels in the body (ModelsLab): nothing to add to the request.</summary>
internal sealed class NoAuthenticator : IRequestAuthenticator
{
    public static NoAuthenticator Instance { get; } = new();

    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Invalidate()
    {
    }
}
