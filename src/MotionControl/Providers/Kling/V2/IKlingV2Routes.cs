using Refit;

namespace MotionControl.Providers.Kling;

/// <summary>Kling API 2.0's motion-control routes (no <c>/v1</c> prefix; the model is in the create path).</summary>
internal interface IKlingV2Routes
{
    [Post("/motion-control/kling-3.0")]
    Task<HttpResponseMessage> CreateKling30Async([Body] HttpContent body, CancellationToken cancellationToken);

    [Post("/motion-control/kling-2.6")]
    Task<HttpResponseMessage> CreateKling26Async([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /tasks?task_ids=a,b</c> or <c>?external_task_ids=x</c> (exactly one of them; a null one is left out). The values
    /// come escaped per id and joined with a literal comma, as the page shows, so the query string is not escaped again.
    /// </summary>
    [Get("/tasks")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<HttpResponseMessage> GetTasksAsync([AliasAs("task_ids")] string? taskIds, [AliasAs("external_task_ids")] string? externalTaskIds, CancellationToken cancellationToken);

    [Post("/tasks")]
    Task<HttpResponseMessage> ListTasksAsync([Body] HttpContent body, CancellationToken cancellationToken);
}

/// <summary>Every route of Kling's own host: the legacy contract, API 2.0 and element management (PowerTokens has only the legacy one).</summary>
internal interface IKlingServiceRoutes : IKlingRoutes, IKlingV2Routes, IKlingElementRoutes, IKlingAccountRoutes;
