namespace MotionControl.Http;

/// <summary>Applies a vendor's credentials to each attempt of a request (a fresh Kling JWT, a bearer key).</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Sets the request's credentials. Called for every attempt, so retried requests get fresh tokens.</summary>
    ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Forgets any cached token, after the vendor said it expired.</summary>
    void Invalidate();
}
