using Refit;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's legacy motion-control routes, declared once; Refit's source generator builds every request (no reflection).
/// Shared with PowerTokens, which serves the same routes under its own prefix (<see cref="PowerTokens.IPowerTokensRoutes"/>).
/// Replies come back unread, for the SDK's reply reader and the vendor's error policy.
/// </summary>
internal interface IKlingRoutes
{
    /// <summary><c>POST /v1/videos/motion-control</c>: the body is built per attempt (local media streamed in as Base64).</summary>
    [Post("/v1/videos/motion-control")]
    Task<HttpResponseMessage> CreateAsync([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/videos/motion-control/{id}</c>: by task id or external task id (Kling matches both).</summary>
    [Get("/v1/videos/motion-control/{id}")]
    Task<HttpResponseMessage> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/videos/motion-control?pageNum&amp;pageSize</c>.</summary>
    [Get("/v1/videos/motion-control")]
    Task<HttpResponseMessage> ListAsync(int pageNum, int pageSize, CancellationToken cancellationToken);
}
