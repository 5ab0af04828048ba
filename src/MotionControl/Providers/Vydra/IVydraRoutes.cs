using Refit;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's routes, declared once; Refit's source generator builds every request. Replies come back unread.</summary>
internal interface IVydraRoutes
{
    [Post("/api/v1/models/kling")]
    Task<HttpResponseMessage> CreateAsync([Body] HttpContent body, CancellationToken cancellationToken);

    [Get("/api/v1/jobs/{jobId}")]
    Task<HttpResponseMessage> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/jobs?limit&amp;offset&amp;status</c>; a null parameter is left out of the query.</summary>
    [Get("/api/v1/jobs")]
    Task<HttpResponseMessage> ListAsync(int? limit, int? offset, string? status, CancellationToken cancellationToken);

    [Get("/api/v1/organization")]
    Task<HttpResponseMessage> GetOrganizationAsync(CancellationToken cancellationToken);

    [Delete("/api/v1/jobs/{jobId}")]
    Task<HttpResponseMessage> CancelAsync(string jobId, CancellationToken cancellationToken);
}
