namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's motion-control endpoints, one method per endpoint, with Kling's own wire types: the legacy contract
/// (<c>/v1/videos/motion-control</c>) and API 2.0 (the <c>V2</c> methods: <c>/motion-control/{model}</c> and <c>/tasks</c>,
/// API key only). Both are on every <see cref="KlingClient"/>, whatever its <see cref="KlingOptions.ApiVersion"/>. Reach it through
/// <see cref="KlingClient.Api"/> (or resolve it from DI) for what the neutral <see cref="IMotionControlClient"/> does not model.
/// </summary>
/// <remarks>
/// Every method returns only on success (HTTP 2xx and <c>code</c> 0). A Kling error code becomes the matching
/// <see cref="MotionControlException"/> subtype with <see cref="MotionControlException.VendorCode"/> (the code),
/// <see cref="MotionControlException.VendorMessage"/> and <see cref="MotionControlException.RequestId"/> (<c>request_id</c>) set.
/// Reads are retried on transient failures; a create is never re-sent unless it provably did not reach Kling.
/// </remarks>
public partial interface IKlingApi
{
    /// <summary><c>POST /v1/videos/motion-control</c>: creates a motion-control task.</summary>
    /// <param name="request">The body, sent as is (no local validation: use <see cref="IMotionControlClient.ValidateAsync"/> for that).</param>
    /// <param name="cancellationToken">Cancels the call; a create already sent may still have reached Kling.</param>
    /// <returns>The envelope; <c>data</c> holds the new task's id, <c>submitted</c> status and timestamps.</returns>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The create may have reached Kling but no reply says so; it was not re-sent.</exception>
    /// <exception cref="MotionControlException">Kling refused the request (see the subtype and <see cref="MotionControlException.VendorCode"/>).</exception>
    Task<KlingResponse<KlingTask>> CreateMotionControlTaskAsync(KlingMotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/videos/motion-control/{task_id}</c>: reads one task by Kling's task id.</summary>
    /// <param name="taskId">The <c>task_id</c> Kling returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope with the task.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">Kling does not know the id (code 1201).</exception>
    /// <exception cref="MotionControlException">Any other Kling error.</exception>
    Task<KlingResponse<KlingTask>> GetMotionControlTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/videos/motion-control/{external_task_id}</c>: reads one task by the <c>external_task_id</c> given at
    /// creation. Kling documents the same path for either id and matches both.
    /// </summary>
    /// <param name="externalTaskId">The client id sent with the create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope with the task.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">No task has that id (Kling answers HTTP 400, code 1201 "Task not found").</exception>
    /// <exception cref="MotionControlException">Any other Kling error.</exception>
    Task<KlingResponse<KlingTask>> GetMotionControlTaskByExternalIdAsync(string externalTaskId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/videos/motion-control?pageNum=&amp;pageSize=</c>: one page of the account's motion-control tasks.</summary>
    /// <param name="pageNum">The page, 1–1000. Default 1.</param>
    /// <param name="pageSize">Tasks per page, 1–500. Default 30.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope; <c>data</c> is the page (fewer than <paramref name="pageSize"/> items on the last page).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNum"/> or <paramref name="pageSize"/> is outside Kling's range.</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<IReadOnlyList<KlingTask>>> ListMotionControlTasksAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default);

    /// <summary><c>POST /motion-control/kling-3.0</c> or <c>/motion-control/kling-2.6</c> (Kling API 2.0): creates a motion-control task.</summary>
    /// <param name="model"><c>kling-3.0</c> or <c>kling-2.6</c> (the legacy names <c>kling-v3</c> and <c>kling-v2-6</c> are accepted).</param>
    /// <param name="request">The body, sent as is (no local validation).</param>
    /// <param name="cancellationToken">Cancels the call; a create already sent may still have reached Kling.</param>
    /// <returns>The envelope; <c>data</c> holds the new task's id, <c>submitted</c> status, timestamps and <c>external_id</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a 2.0 motion-control model.</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The create may have reached Kling but no reply says so; it was not re-sent.</exception>
    /// <exception cref="MotionControlException">Kling refused the request.</exception>
    Task<KlingResponse<KlingV2Task>> CreateMotionControlTaskV2Async(string model, KlingV2MotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /tasks?task_ids=a,b</c> (Kling API 2.0): reads tasks by id, 20 per request (longer lists are split).</summary>
    /// <param name="taskIds">The ids; duplicates are asked once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tasks Kling knows, in Kling's order; an unknown id is simply absent. The envelope is the last request's.</returns>
    /// <exception cref="ArgumentException">An id is empty or holds a comma.</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<IReadOnlyList<KlingV2Task>>> GetTasksV2Async(IEnumerable<string> taskIds, CancellationToken cancellationToken = default);

    /// <summary><c>GET /tasks?external_task_ids=x,y</c> (Kling API 2.0): reads tasks by the ids given at creation, 20 per request.</summary>
    /// <param name="externalTaskIds">The client ids; duplicates are asked once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tasks Kling knows; an unknown id is simply absent.</returns>
    /// <exception cref="ArgumentException">An id is empty or holds a comma.</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<IReadOnlyList<KlingV2Task>>> GetTasksByExternalIdV2Async(IEnumerable<string> externalTaskIds, CancellationToken cancellationToken = default);

    /// <summary><c>POST /tasks</c> (Kling API 2.0): one page of the cursor list, filtered by Kling.</summary>
    /// <param name="request">The window, cursor, page size (1–500) and filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope; <c>data</c> is the page with <c>next_cursor</c> and <c>has_more</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1–500.</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<KlingV2TaskPage>> ListTasksV2Async(KlingV2TaskListRequest request, CancellationToken cancellationToken = default);
}
