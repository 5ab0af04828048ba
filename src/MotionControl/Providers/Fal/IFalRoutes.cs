using Refit;

namespace MotionControl.Providers.Fal;

/// <summary>fal's queue routes (https://docs.fal.ai/model-endpoints/queue), declared once; replies come back unread.</summary>
/// <remarks>
/// A submit goes to the model's full endpoint id; status, result and cancel go to the app id (<c>fal-ai/kling-video</c>),
/// never the model's sub-path: "the subpath … should not be used when getting request status or results".
/// </remarks>
internal interface IFalRoutes
{
    /// <summary><c>POST /{endpointId}[?fal_webhook=URL]</c>; the id keeps its slashes.</summary>
    [Post("/{**endpointId}")]
    Task<HttpResponseMessage> SubmitAsync(string endpointId, [Body] HttpContent body, [AliasAs("fal_webhook")] string? webhook, CancellationToken cancellationToken);

    /// <summary><c>GET /fal-ai/kling-video/requests/{id}/status[?logs=1]</c>.</summary>
    [Get("/" + FalModels.AppId + "/requests/{requestId}/status")]
    Task<HttpResponseMessage> GetStatusAsync(string requestId, int? logs, CancellationToken cancellationToken);

    /// <summary><c>GET /fal-ai/kling-video/requests/{id}</c>: the result.</summary>
    [Get("/" + FalModels.AppId + "/requests/{requestId}")]
    Task<HttpResponseMessage> GetResultAsync(string requestId, CancellationToken cancellationToken);

    /// <summary><c>PUT /fal-ai/kling-video/requests/{id}/cancel</c>.</summary>
    [Put("/" + FalModels.AppId + "/requests/{requestId}/cancel")]
    Task<HttpResponseMessage> CancelAsync(string requestId, CancellationToken cancellationToken);
}
