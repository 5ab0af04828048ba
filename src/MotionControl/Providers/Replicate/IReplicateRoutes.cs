using Refit;

namespace MotionControl.Providers.Replicate;

/// <summary>Replicate's routes, declared once; Refit's source generator builds every request. Replies come back unread.</summary>
internal interface IReplicateRoutes
{
    /// <summary><c>POST /v1/models/{owner}/{name}/predictions</c>; a null <paramref name="cancelAfter"/> sends no <c>Cancel-After</c> header.</summary>
    [Post("/v1/models/{owner}/{name}/predictions")]
    Task<HttpResponseMessage> CreateAsync(string owner, string name, [Body] HttpContent body, [Header("Cancel-After")] string? cancelAfter, CancellationToken cancellationToken);

    [Get("/v1/predictions/{predictionId}")]
    Task<HttpResponseMessage> GetAsync(string predictionId, CancellationToken cancellationToken);

    [Post("/v1/predictions/{predictionId}/cancel")]
    Task<HttpResponseMessage> CancelAsync(string predictionId, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/files</c>, a <c>multipart/form-data</c> body with the <c>content</c> part.</summary>
    [Post("/v1/files")]
    Task<HttpResponseMessage> UploadAsync([Body] HttpContent body, CancellationToken cancellationToken);
}
