using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// PowerTokens' Kling motion-control endpoints (<c>/kling/v1/videos/motion-control</c>), one method per endpoint, with
/// Kling's wire types (PowerTokens forwards Kling's legacy body and envelope). PowerTokens has no list endpoint.
/// </summary>
/// <remarks>
/// Every method returns only on success (HTTP 2xx and <c>code</c> 0). Errors in Kling's envelope map as Kling's codes do;
/// PowerTokens' own shapes (<c>{error:{message,code}}</c>, <c>{error:"..."}</c>, <c>{message}</c>, <c>{msg}</c>) map by
/// HTTP status, with HTTP 402 or quota/balance wording meaning insufficient credits.
/// </remarks>
public interface IPowerTokensApi
{
    /// <summary><c>POST /kling/v1/videos/motion-control</c>: creates a motion-control task (<c>model_name</c> <c>kling-v3</c>).</summary>
    /// <param name="request">The body, sent as is.</param>
    /// <param name="cancellationToken">Cancels the call; a create already sent may still have reached PowerTokens.</param>
    /// <returns>The envelope; <c>data</c> holds PowerTokens' public task id and <c>submitted</c> status.</returns>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The create may have reached PowerTokens but no reply says so; it was not re-sent.</exception>
    /// <exception cref="MotionControlException">PowerTokens or Kling refused the request.</exception>
    Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /kling/v1/videos/motion-control/{task_id}</c>: reads one task by its public id (path inferred from PowerTokens' own client).</summary>
    /// <param name="taskId">The <c>task_id</c> PowerTokens returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope with the task (Kling's task object).</returns>
    /// <exception cref="MotionControlTaskNotFoundException">The task is unknown (Kling 1201 passed through, or HTTP 404).</exception>
    /// <exception cref="MotionControlException">Any other error.</exception>
    Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /kling/v1/videos/motion-control/{external_task_id}</c>: reads one task by the <c>external_task_id</c> given at
    /// creation, as Kling does (inferred: PowerTokens forwards Kling's contract).
    /// </summary>
    /// <param name="externalTaskId">The client id sent with the create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope with the task.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">No task has that id.</exception>
    /// <exception cref="MotionControlException">Any other error.</exception>
    Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default);
}
