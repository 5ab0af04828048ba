using Refit;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI's routes, declared once; Refit's source generator builds every request. Replies come back unread.</summary>
internal interface IAimlApiRoutes
{
    [Post("/v2/video/generations")]
    Task<HttpResponseMessage> CreateAsync([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/video/generations?generation_id=…</c>.</summary>
    [Get("/v2/video/generations")]
    Task<HttpResponseMessage> GetAsync([AliasAs("generation_id")] string generationId, CancellationToken cancellationToken);

    [Get("/v2/billing")]
    Task<HttpResponseMessage> BillingAsync(CancellationToken cancellationToken);
}
