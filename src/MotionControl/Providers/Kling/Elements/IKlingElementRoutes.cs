using Refit;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's element-management routes (https://kling.ai/document-api/api/video/3-0-omni/elements), on Kling's own host
/// only (PowerTokens does not serve them). Replies come back unread, for the reply reader and the error policy.
/// </summary>
internal interface IKlingElementRoutes
{
    /// <summary><c>POST /v1/general/advanced-custom-elements</c>: creates a custom element (an async task).</summary>
    [Post("/v1/general/advanced-custom-elements")]
    Task<HttpResponseMessage> CreateElementAsync([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/general/advanced-custom-elements/{id}</c>: by the creation task's id or its external task id.</summary>
    [Get("/v1/general/advanced-custom-elements/{id}")]
    Task<HttpResponseMessage> GetElementAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/general/advanced-custom-elements?pageNum&amp;pageSize</c>.</summary>
    [Get("/v1/general/advanced-custom-elements")]
    Task<HttpResponseMessage> ListElementsAsync(int pageNum, int pageSize, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/general/advanced-presets-elements?pageNum&amp;pageSize</c>: Kling's preset elements.</summary>
    [Get("/v1/general/advanced-presets-elements")]
    Task<HttpResponseMessage> ListPresetElementsAsync(int pageNum, int pageSize, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/general/delete-advanced-elements</c>.</summary>
    [Post("/v1/general/delete-advanced-elements")]
    Task<HttpResponseMessage> DeleteElementAsync([Body] HttpContent body, CancellationToken cancellationToken);
}
