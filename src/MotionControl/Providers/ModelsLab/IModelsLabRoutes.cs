using Refit;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab's routes, declared once; Refit's source generator builds every request. Both carry the key in the body.</summary>
internal interface IModelsLabRoutes
{
    [Post("/api/v7/video-fusion/motion-control")]
    Task<HttpResponseMessage> CreateAsync([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>POST /api/v7/video-fusion/fetch/{id}</c>: a POST, but a read (it changes nothing at ModelsLab).</summary>
    [Post("/api/v7/video-fusion/fetch/{id}")]
    Task<HttpResponseMessage> FetchAsync(string id, [Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>POST /api/wallet_balance</c>: a POST, but a read.</summary>
    [Post("/api/wallet_balance")]
    Task<HttpResponseMessage> WalletBalanceAsync([Body] HttpContent body, CancellationToken cancellationToken);
}
